package io.bacalao.compute.executor.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.TimeoutConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every wasm runtime must do, run once per runtime by its subclass: the test programs of src/test/wasm
 * (compiled by the build into target/test-classes/wasm) through the {@link WasmExecutor}.
 */
abstract class WasmExecutorContract {
    @TempDir
    Path dir;

    abstract WasmRuntime runtime();

    private WasmJob job(String module, String... args) {
        return new WasmJob(WasmExecutor.using(runtime()), dir, module, List.of(args));
    }

    @Test
    void helloWorldPrintsAndExitsZero() throws Exception {
        WasmJob.Result r = job("hello").run();
        assertEquals(0, r.exit());
        assertEquals("hello, wasm\n", r.stdout());
        assertTrue(Files.size(r.results().resolve("../logs/output.log").normalize()) > 0, "interleaved log for streaming");
    }

    @Test
    void argumentsFollowTheModuleNameInArgv() throws Exception {
        WasmJob.Result r = job("job", "args", "two words", "").run();
        assertEquals("argv[0]=/main.wasm\nargv[1]=args\nargv[2]=two words\nargv[3]=\n", r.stdout());
    }

    @Test
    void theEnvironmentHoldsTheTaskEnvAndBacalhauVariablesOnly() throws Exception {
        WasmJob.Result r = job("job", "env", "GREETING", "BACALHAU_JOB_ID", "HOME", "PATH")
                .env(Map.of("GREETING", "hola", "BACALHAU_JOB_ID", "j-wasm")).run();
        assertEquals("GREETING=hola\nBACALHAU_JOB_ID=j-wasm\nHOME=<unset>\nPATH=<unset>\n", r.stdout());
    }

    @Test
    void stdoutAndStderrAreCapturedSeparately() throws Exception {
        WasmJob.Result r = job("job", "stderr").run();
        assertEquals("to stdout\n", r.stdout());
        assertEquals("to stderr\n", r.stderr());
    }

    @Test
    void inputsAreReadAndOutputsWritten() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "payload");
        WasmJob.Result r = job("job", "copy", "/inputs/in.txt", "/outputs/copy.txt")
                .input(new Mount(data, "/inputs", false)).output(new ResultPath("outputs", "/outputs")).run();
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("payload", Files.readString(r.results().resolve("outputs").resolve("copy.txt")));
    }

    @Test
    void aSingleFileInputIsSeenAtItsTarget() throws Exception {
        Path file = Files.writeString(dir.resolve("downloaded"), "one file");
        WasmJob.Result r = job("job", "copy", "/data/in.csv", "/out/x")
                .input(new Mount(file, "/data/in.csv", false)).output(new ResultPath("out", "/out")).run();
        assertEquals(0, r.exit(), r.stderr());
        assertEquals("one file", Files.readString(r.results().resolve("out").resolve("x")));
    }

    @Test
    void inputsAreReadOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("in.txt"), "payload");
        WasmJob.Result create = job("job", "write", "/inputs/evil.txt").input(new Mount(data, "/inputs", false)).run();
        assertEquals(3, create.exit(), "the write fails inside the module: " + create.stdout());
        assertTrue(create.stderr().startsWith("write /inputs/evil.txt denied"), create.stderr());
        assertFalse(Files.exists(data.resolve("evil.txt")));
        WasmJob.Result overwrite = job("job", "write", "/inputs/in.txt").input(new Mount(data, "/inputs", false)).run();
        assertEquals(3, overwrite.exit());
        assertEquals("payload", Files.readString(data.resolve("in.txt")));
    }

    @Test
    void nothingElseOfTheHostIsVisible() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        assertEquals(2, job("job", "copy", "/etc/passwd", "/inputs/x").input(new Mount(data, "/inputs", false)).run().exit());
        assertEquals(2, job("job", "copy", "/inputs/../../etc/passwd", "/inputs/x").input(new Mount(data, "/inputs", false)).run().exit());
        assertEquals(2, job("job", "ls", "/tmp").run().exit());
    }

    @Test
    void aResultNameThatIsAPathIsRefusedBeforeAnythingIsPreopened() throws Exception {
        Path marker = Files.writeString(dir.resolve("host-file"), "host");
        for (String name : List.of("/", "..", "../..", "a/b", "")) {
            WasmJob j = job("job", "write", "/host/evil.txt").output(new ResultPath(name, "/host"));
            ExecutionFailure f = assertThrows(ExecutionFailure.class, j::run, name);
            assertTrue(f.getMessage().startsWith("refused to mount: result path Name \"" + name + "\""), f.getMessage());
            assertEquals("Preparing Environment", f.topic());
        }
        assertEquals("host", Files.readString(marker));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("host-file"), left.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("e-")).toList(), "nothing written beside the execution folders");
        }
    }

    @Test
    void anInputOutsideTheExecutionFolderThatNoAllowListGrantedIsRefused() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        ExecutionFailure f = assertThrows(ExecutionFailure.class,
                () -> job("job", "ls", "/data").rawInput(new Mount(outside, "/data", true)).run());
        assertTrue(f.getMessage().contains("outside the execution's folder and not allow-listed"), f.getMessage());
    }

    @Test
    void procExitGivesTheExitCode() throws Exception {
        assertEquals(7, job("job", "exit", "7").run().exit());
    }

    @Test
    void theExecutionTimeoutInterruptsARunawayModule() {
        long start = System.nanoTime();
        ExecutionFailure f = assertThrows(ExecutionFailure.class,
                () -> job("job", "spin").timeouts(new TimeoutConfig(1, 0, 0)).run());
        assertEquals("execution timed out after 1s and was interrupted", f.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void cancelInterruptsARunawayModule() throws Exception {
        WasmJob spin = job("job", "spin");
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return spin.run();
            } catch (Exception e) {
                return e;
            }
        });
        while (!Files.exists(spin.workDir().resolve("wasm"))) Thread.sleep(20);
        Thread.sleep(500);
        spin.executor().cancel(spin.executionId());
        Object outcome = running.get(30, TimeUnit.SECONDS);
        assertTrue(outcome instanceof ExecutionFailure f && f.getMessage().equals("execution cancelled"), String.valueOf(outcome));
    }

    @Test
    void aCancelThatCameBeforeTheRunStopsIt() {
        WasmJob spin = job("job", "spin");
        spin.executor().cancel(spin.executionId());
        ExecutionFailure f = assertThrows(ExecutionFailure.class, spin::run);
        assertEquals("execution cancelled", f.getMessage());
    }

    @Test
    void memoryWithinTheLimitIsUsable() throws Exception {
        assertEquals("allocated 8 MiB\n", job("job", "alloc", "8").memory("16Mi").run().stdout());
    }

    @Test
    void runningIntoTheMemoryLimitFails() {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> job("job", "alloc", "64").memory("16Mi").run());
        assertTrue(f.getMessage().startsWith("the WASM module exited with code 12 after growing its memory to ")
                && f.getMessage().endsWith(" limit (Resources.Memory): it most likely ran out of memory; ask for more with --memory"),
                f.getMessage());
    }

    @Test
    void aModuleThatNeedsMoreMemoryToStartIsRefused() {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> job("bigstart").memory("16Mi").run());
        assertTrue(f.getMessage().startsWith("the WASM module /main.wasm exceeds its memory limit"), f.getMessage());
    }

    @Test
    void importModulesProvideTheEntryModulesImports() throws Exception {
        WasmJob.Result r = job("usesimport").importModule("mathlib", "/lib/mathlib.wasm").run();
        assertEquals("add(2,3)=5 mul(4,5)=20\n", r.stdout());
    }

    @Test
    void anImportNoModuleProvidesIsRefused() {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> job("missingimport").run());
        assertEquals("the WASM module /main.wasm imports nowhere.missing, which neither WASI nor any import module provides",
                f.getMessage());
    }

    @Test
    void aMissingEntrypointIsRefused() {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> job("hello").entrypoint("main").run());
        assertEquals("unable to find the entrypoint 'main' in the WASM module", f.getMessage());
    }

    @Test
    void aFileThatIsNotWebAssemblyIsRefused() {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> job(null).run());
        assertTrue(f.getMessage().startsWith("the wasm entry module /main.wasm is not a WebAssembly module"), f.getMessage());
    }

    @Test
    void aTrapFailsTheExecutionAndTheNextRunWorks() throws Exception {
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> job("job", "trap").run());
        assertTrue(f.getMessage().startsWith("the WASM module trapped: "), f.getMessage());
        assertEquals(0, job("hello").run().exit());
    }
}
