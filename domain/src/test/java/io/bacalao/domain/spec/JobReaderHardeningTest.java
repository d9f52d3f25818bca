package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Job files that try to exhaust the decoder get a clear error (issue 10). */
class JobReaderHardeningTest {
    private static final String TASKS = "Tasks:\n  - Name: main\n    Engine:\n      Type: noop\n";

    @Test
    void aBillionLaughsFileIsRefusedAtItsFirstAlias() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
            prev = c;
        }

        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile("Type: batch\n" + yaml + TASKS));

        assertEquals("failed to parse job spec: YAML aliases are not supported (alias *a at line 3)", e.getMessage());
    }

    @Test
    void anAliasOfAScalarIsRefusedToo() {
        SpecException e = assertThrows(SpecException.class,
                () -> JobReader.readFile("Name: &n job\nType: batch\nNamespace: *n\n" + TASKS));

        assertTrue(e.getMessage().startsWith("failed to parse job spec: YAML aliases are not supported (alias *n"),
                e.getMessage());
    }

    @Test
    void deeplyNestedYamlIsRefused() {
        String deep = "Type: batch\nMeta: " + "[".repeat(5000) + "\n";

        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile(deep));

        assertTrue(e.getMessage().startsWith("failed to parse job spec: Document nesting depth"), e.getMessage());
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "{\"Type\":\"batch\",\"Meta\":" + "[".repeat(100_000);

        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile(deep));

        assertTrue(e.getMessage().startsWith("failed to parse job spec: Document nesting depth"), e.getMessage());
    }

    @Test
    void nestingJustBelowTheParserLimitInEngineParamsIsDecodedAndValidatedWithoutOverflow() {
        int depth = 990;
        String json = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\",\"Params\":{\"X\":"
                + "[".repeat(depth) + "]".repeat(depth) + "}}}]}";

        var job = JobReader.readFile(json);
        new SubmissionPreparer(JobDefaults.standard(), "n-orch").prepare(job);
    }

    @Test
    void aHugeNumberIsATypeErrorNotACrash() {
        SpecException e = assertThrows(SpecException.class,
                () -> JobReader.readFile("Type: batch\nCount: 99999999999999999999\n" + TASKS));

        assertTrue(e.getMessage().startsWith("field: 'Count' in 'Job' is invalid type: Numeric value"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsQuotedSafely() {
        SpecException e = assertThrows(SpecException.class,
                () -> JobReader.readFile("{\"Type\":\"batch\",\"X\\u001b[2J" + "y".repeat(200) + "\":1}"));

        assertTrue(e.getMessage().startsWith("unknown field: 'X\\u001b[2Jyyy"), e.getMessage());
        assertTrue(e.getMessage().length() < 120, e.getMessage());
    }
}
