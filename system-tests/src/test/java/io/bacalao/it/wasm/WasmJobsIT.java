package io.bacalao.it.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.Cli;
import io.bacalao.it.support.LocalFiles;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebAssembly jobs end to end: {@code wasm run} of modules compiled here from the repository's test programs
 * (compute-ejb/ejb/src/test/wasm, by its build.sh), uploaded inline, results downloaded with {@code job get}.
 */
@ExtendWith(SharedCluster.class)
class WasmJobsIT {
    static final Duration DONE = Duration.ofSeconds(120);
    static Path modules;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTheTestPrograms(@TempDir Path dir) throws Exception {
        Path script = Path.of(System.getProperty("bacalao.repo", ".."), "compute-ejb", "ejb", "src", "test", "wasm", "build.sh");
        Process p = new ProcessBuilder(script.toString(), dir.toString()).inheritIO().start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "build.sh compiles the wasm test programs");
        modules = dir;
    }

    private static String module(String name) {
        return modules.resolve(name + ".wasm").toString();
    }

    private static String runToEnd(TestCluster cluster, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "wasm";
        all[1] = "run";
        all[2] = "--id-only";
        all[3] = "--wait";
        System.arraycopy(args, 0, all, 4, args.length);
        Cli.Result run = cluster.cli().run(all);
        String id = run.out().trim();
        String state = cluster.api().awaitTerminal(id, DONE);
        // waiting for the job, the command reports a failure on stderr and exits 0 (Bacalhau's job run)
        assertEquals(0, run.exitCode(), run.all());
        if (!"Completed".equals(state)) assertTrue(run.err().startsWith("Error: job failed"), run.err());
        return id;
    }

    private Path get(TestCluster cluster, String id) {
        Path out = tmp.resolve(id);
        Cli.Result get = cluster.cli().run("job", "get", id, "--output-dir", out.toString());
        assertEquals(0, get.exitCode(), get.all());
        return out;
    }

    @Test
    void aLocalModuleReadsAUrlInputAndItsOutputIsDownloadedWithJobGet(TestCluster cluster) throws Exception {
        try (LocalFiles web = new LocalFiles(Map.of("/in.txt", "payload"))) {
            String id = runToEnd(cluster, "-p", "local", "-i", web.url("/in.txt"), "-o", "outputs:/outputs",
                    module("job"), "copy", "/inputs/in.txt", "/outputs/copy.txt");
            assertEquals("Completed", cluster.api().state(id));
            Path out = get(cluster, id);
            assertEquals("copied 7 bytes\n", Files.readString(out.resolve("stdout")));
            assertEquals("0", Files.readString(out.resolve("exitCode")));
            assertEquals("payload", Files.readString(out.resolve("outputs").resolve("copy.txt")));
        }
    }

    @Test
    void argsEnvAndExitCodeReachTheUser(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, "-p", "local", "-e", "GREETING=hola", module("job"), "env", "GREETING", "BACALHAU_JOB_TYPE");
        Path out = get(cluster, id);
        assertEquals("GREETING=hola\nBACALHAU_JOB_TYPE=batch\n", Files.readString(out.resolve("stdout")));
        String exit = runToEnd(cluster, "-p", "local", module("job"), "exit", "7");
        assertEquals("Completed", cluster.api().state(exit));
        assertEquals("7", Files.readString(get(cluster, exit).resolve("exitCode")));
    }

    @Test
    void anImportModuleProvidesTheEntryModulesImports(TestCluster cluster) throws Exception {
        String id = runToEnd(cluster, "-p", "local", "-I", module("mathlib"), module("usesimport"));
        assertEquals("add(2,3)=5 mul(4,5)=20\n", Files.readString(get(cluster, id).resolve("stdout")));
    }

    @Test
    void aMissingEntrypointFailsTheJobWithAReason(TestCluster cluster) {
        String id = runToEnd(cluster, "--entry-point", "main", module("hello"));
        assertEquals("Failed", cluster.api().state(id));
        String describe = cluster.cli().run("job", "describe", id).out();
        assertTrue(describe.contains("unable to find the entrypoint 'main' in the WASM module"), describe);
    }
}
