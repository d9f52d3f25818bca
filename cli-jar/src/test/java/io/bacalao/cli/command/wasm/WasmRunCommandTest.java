package io.bacalao.cli.command.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.spec.JobReader;
import io.bacalao.domain.spec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm run} builds its job from the module arguments and flags; --dry-run shows it without a server. */
class WasmRunCommandTest {
    static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    @TempDir
    Path dir;

    private static Job dryRun(String... args) {
        CliRun run = run(args);
        assertEquals(0, run.exitCode(), run.err());
        return JobReader.readFile(run.out());
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("wasm", "run", "--dry-run"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path module(String name) throws Exception {
        return Files.write(dir.resolve(name), MODULE);
    }

    @Test
    void aLocalModuleIsUploadedInlineAndIsTheEntryModule() throws Exception {
        Job job = dryRun(module("main.wasm").toString());
        assertEquals("batch", job.type());
        assertEquals("{\"Type\":\"wasm\",\"Params\":{\"EntryModule\":\"/main.wasm\",\"Entrypoint\":\"_start\"}}",
                Json.write(job.task().engine()));
        InputSource in = job.task().inputSources().get(0);
        assertEquals("inline", in.source().type());
        assertEquals("/main.wasm", in.target());
        String url = in.source().param("URL");
        assertTrue(url.startsWith("data:application/wasm;base64,"), url);
        assertArrayEquals(MODULE, Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)));
    }

    @Test
    void aTargetAfterTheModuleNamesWhereItIsMounted() throws Exception {
        Job job = dryRun(module("prog.wasm") + ":/app/prog.wasm");
        assertEquals("/app/prog.wasm", job.task().engine().param("EntryModule"));
        assertEquals("/app/prog.wasm", job.task().inputSources().get(0).target());
    }

    @Test
    void aUriIsFetchedByTheNode() {
        Job job = dryRun("https://example.com/mods/prog.wasm");
        InputSource in = job.task().inputSources().get(0);
        assertEquals(SpecConfig.of("urlDownload", Map.of("URL", "https://example.com/mods/prog.wasm")), in.source());
        assertEquals("/prog.wasm", in.target());
        assertEquals("/prog.wasm", job.task().engine().param("EntryModule"));
        assertEquals("/m.wasm", dryRun("https://example.com:8443/prog.wasm:/m.wasm").task().engine().param("EntryModule"));
    }

    @Test
    void everythingAfterTheModuleIsItsArgumentsUntouched() throws Exception {
        String m = module("main.wasm").toString();
        assertEquals(List.of("-e", "X=1", "--count", "3"), dryRun(m, "-e", "X=1", "--count", "3").task().engine().listParam("Parameters"));
        assertEquals(List.of("a", "--", "b"), dryRun(m, "--", "a", "--", "b").task().engine().listParam("Parameters"));
        assertEquals(1, dryRun(m, "--count", "3").count());
    }

    @Test
    void importModulesAndTheEntryPointAreNamedInTheEngine() throws Exception {
        Job job = dryRun("-I", module("mathlib.wasm").toString(), "--import-modules", "https://h/x/other.wasm:/lib/other.wasm",
                "--entry-point", "run", module("main.wasm").toString(), "go");
        SpecConfig engine = job.task().engine();
        assertEquals("run", engine.param("Entrypoint"));
        assertEquals(List.of("/mathlib.wasm", "/lib/other.wasm"), engine.listParam("ImportModules"));
        assertEquals(List.of("/main.wasm", "/mathlib.wasm", "/lib/other.wasm"),
                job.task().inputSources().stream().map(InputSource::target).toList());
    }

    @Test
    void sharedJobAndTaskFlagsFillTheSpec() throws Exception {
        Job job = dryRun("--name", "w", "--count", "2", "-i", "https://h/data.csv:/inputs", "-o", "outputs:/outputs",
                "-p", "local", "-e", "GREETING=hi", "--memory", "64Mb", "--timeout", "60", module("main.wasm").toString());
        assertEquals("w", job.name());
        assertEquals(2, job.count());
        assertEquals(List.of("/inputs", "/main.wasm"), job.task().inputSources().stream().map(InputSource::target).toList());
        assertEquals(List.of(new ResultPath("outputs", "/outputs")), job.task().resultPaths());
        assertEquals("local", job.task().publisher().type());
        assertEquals(Map.of("GREETING", "hi"), job.task().env());
        assertEquals(new ResourcesConfig("", "64Mb", "", ""), job.task().resources());
        assertEquals(60, job.task().timeouts().totalTimeout());
    }

    @Test
    void aModuleThatIsNeitherAFileNorAUriIsAnError() {
        CliRun r = run(dir.resolve("nope.wasm").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("Error: module " + dir.resolve("nope.wasm") + " is not a file on this machine"), r.err());
        CliRun none = run();
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("Error: missing ENTRY-MODULE"), none.err());
    }
}
