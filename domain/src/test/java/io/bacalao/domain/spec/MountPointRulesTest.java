package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A result or input never names a host path or mounts over another one (issue 10, DESIGN §4 invariant 6). */
class MountPointRulesTest {
    private final SubmissionPreparer preparer = new SubmissionPreparer(JobDefaults.standard(), "n-orch");

    @ParameterizedTest(name = "Name {0}")
    @ValueSource(strings = {"/", "../..", "..", ".", "a/b", "a\\\\b", "/etc", " out", "stdout", "exitCode", "a\\u0000b",
            "x\\u202Ey"})
    void aResultNameMustBeAPlainName(String name) {
        SpecException e = assertThrows(SpecException.class,
                () -> submit(task(",\"ResultPaths\":[{\"Name\":\"" + name + "\",\"Path\":\"/outputs\"}]")));

        assertTrue(e.getMessage().startsWith("task main validation failed: invalid output: result path name `"),
                e.getMessage());
    }

    @Test
    void theIssuesHostRootMountIsRefused() {
        SpecException e = assertThrows(SpecException.class,
                () -> submit(task(",\"ResultPaths\":[{\"Name\":\"/\",\"Path\":\"/host\"}]")));

        assertEquals("task main validation failed: invalid output: result path name `/` must be a plain name"
                + " (no `/`, `\\`, `.`, `..` or surrounding spaces)", e.getMessage());
    }

    @ParameterizedTest(name = "Path {0}")
    @CsvSource(delimiter = '|', textBlock = """
            outputs        | must be absolute
            /              | must not be the root folder `/`
            //             | must not be the root folder `/`
            /a/../b        | must be normalised (no `.`, `..` or empty segments)
            /a/./b         | must be normalised (no `.`, `..` or empty segments)
            /a//b          | must be normalised (no `.`, `..` or empty segments)
            /..            | must be normalised (no `.`, `..` or empty segments)
            /out:/etc      | must not contain `:` (Docker reads it as the separator of a bind mount)
            """)
    void aResultPathIsAnAbsoluteNormalisedFolderOtherThanRoot(String path, String problem) {
        SpecException e = assertThrows(SpecException.class,
                () -> submit(task(",\"ResultPaths\":[{\"Name\":\"out\",\"Path\":\"" + path + "\"}]")));

        assertEquals("task main validation failed: invalid output: result path `" + path + "` " + problem,
                e.getMessage());
    }

    @ParameterizedTest(name = "Target {0}")
    @CsvSource(delimiter = '|', textBlock = """
            inputs         | must be absolute
            ..             | must be absolute
            /              | must not be the root folder `/`
            /in/../../etc  | must be normalised (no `.`, `..` or empty segments)
            /in/.          | must be normalised (no `.`, `..` or empty segments)
            """)
    void anInputTargetIsAnAbsoluteNormalisedFolderOtherThanRoot(String target, String problem) {
        SpecException e = assertThrows(SpecException.class, () -> submit(task(",\"InputSources\":["
                + input(target) + "]")));

        assertEquals("task main validation failed: invalid input sources: input target `" + target + "` " + problem,
                e.getMessage());
    }

    @Test
    void aTrailingSlashIsAllowed() {
        assertDoesNotThrow(() -> submit(task(",\"InputSources\":[" + input("/inputs/")
                + "],\"ResultPaths\":[{\"Name\":\"out\",\"Path\":\"/outputs/\"}]")));
    }

    @Test
    void inputTargetsMayNotContainEachOther() {
        SpecException e = assertThrows(SpecException.class, () -> submit(task(",\"InputSources\":["
                + input("/data") + "," + input("/data/sub") + "]")));

        assertEquals("task main validation failed: invalid input sources: input targets `/data` and `/data/sub`"
                + " overlap: one is inside the other", e.getMessage());
    }

    @Test
    void aPrefixThatIsNotAFolderDoesNotOverlap() {
        assertDoesNotThrow(() -> submit(task(",\"InputSources\":[" + input("/data") + "," + input("/data2")
                + "],\"ResultPaths\":[{\"Name\":\"a\",\"Path\":\"/out\"},{\"Name\":\"b\",\"Path\":\"/outer\"}]")));
    }

    @Test
    void twoInputsMayNotShareATargetEvenWrittenDifferently() {
        SpecException e = assertThrows(SpecException.class, () -> submit(task(",\"InputSources\":["
                + input("/in") + "," + input("/in/") + "]")));

        assertEquals("task main validation failed: input source with target '/in/' already exists", e.getMessage());
    }

    @ParameterizedTest(name = "result {0} vs input {1}")
    @CsvSource({"/data, /data", "/data/out, /data", "/data, /data/in"})
    void aResultPathMayNotOverlapAnInput(String path, String target) {
        SpecException e = assertThrows(SpecException.class, () -> submit(task(",\"InputSources\":[" + input(target)
                + "],\"ResultPaths\":[{\"Name\":\"out\",\"Path\":\"" + path + "\"}]")));

        assertEquals("task main validation failed: invalid output: result path `" + path + "` overlaps input target `"
                + target + "`: they must be separate folders", e.getMessage());
    }

    @Test
    void resultPathsMayNotContainEachOther() {
        SpecException e = assertThrows(SpecException.class, () -> submit(task(
                ",\"ResultPaths\":[{\"Name\":\"a\",\"Path\":\"/out\"},{\"Name\":\"b\",\"Path\":\"/out/b\"}]")));

        assertEquals("task main validation failed: invalid output: result paths `/out` and `/out/b` overlap:"
                + " one is inside the other", e.getMessage());
    }

    @Test
    void allPathProblemsAreReportedTogether() {
        SpecException e = assertThrows(SpecException.class, () -> submit(task(",\"InputSources\":[" + input("/")
                + "],\"ResultPaths\":[{\"Name\":\"../..\",\"Path\":\"/host\"}]")));

        assertEquals("task main validation failed: invalid input sources: input target `/` must not be the root folder"
                + " `/`\ninvalid output: result path name `../..` must be a plain name (no `/`, `\\`, `.`, `..` or"
                + " surrounding spaces)", e.getMessage());
    }

    @Test
    void aLegacyWasmModuleCannotSmuggleAPathIn() {
        String json = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"wasm\",\"Params\":"
                + "{\"EntryModule\":{\"Source\":{\"Type\":\"localDirectory\",\"Params\":{\"SourcePath\":\"/\"}},"
                + "\"Target\":\"/wasm/../../\"}}}}]}";

        SpecException e = assertThrows(SpecException.class, () -> submit(json));

        assertEquals("task main validation failed: invalid input sources: input target `/wasm/../../` must be"
                + " normalised (no `.`, `..` or empty segments)", e.getMessage());
    }

    @Test
    void aLegacyWasmModuleAtTheRootIsRefused() {
        String json = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"wasm\",\"Params\":"
                + "{\"EntryModule\":{\"Source\":{\"Type\":\"inline\"},\"Target\":\"/\"}}}}]}";

        SpecException e = assertThrows(SpecException.class, () -> submit(json));

        assertTrue(e.getMessage().contains("input target `/` must not be the root folder `/`"), e.getMessage());
    }

    private static String input(String target) {
        return "{\"Source\":{\"Type\":\"ipfs\",\"Params\":{\"CID\":\"Qm1\"}},\"Target\":\"" + target + "\"}";
    }

    private static String task(String fields) {
        return "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\"},"
                + "\"Publisher\":{\"Type\":\"local\"}" + fields + "}]}";
    }

    private Job submit(String json) throws Exception {
        return preparer.prepare(JobReader.readRequest(Json.mapper().readTree(json))).job();
    }
}
