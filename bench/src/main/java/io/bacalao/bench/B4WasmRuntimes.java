package io.bacalao.bench;

import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.wasm.WasmExecutor;
import io.bacalao.compute.executor.wasm.WasmRuntime;
import io.bacalao.compute.executor.wasm.chicory.ChicoryRuntime;
import io.bacalao.compute.executor.wasm.wasmtime.WasmtimeRuntime;
import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * B4 (wasm): end-to-end latency of a wasm hello job (the repository's hello.wat, inline) through a devstack
 * (1 orchestrator + 1 compute node, default runtime) beside a noop job on the same devstack, and the run time of the CPU-bound prime sum of job.c on
 * each runtime (in this JVM, through the WasmExecutor, compile included) beside the same C compiled natively,
 * in one run.
 *
 * <p>Usage: {@code B4WasmRuntimes [runs=20] [primesBelow=3000000] [cpuRuns=3]}
 */
public final class B4WasmRuntimes {
    private B4WasmRuntimes() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String below = args.length > 1 ? args[1] : "3000000";
        int cpuRuns = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        WasmPrograms programs = WasmPrograms.compile();
        cpuBound(programs, below, cpuRuns);
        helloLatency(programs, runs);
    }

    private static void cpuBound(WasmPrograms programs, String below, int runs) throws Exception {
        Stats nativeRuns = new Stats();
        String expected = null;
        long nativeStart = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            expected = WasmPrograms.run(programs.nativeJob.toString(), "primes", below);
            nativeRuns.add((System.nanoTime() - s) / 1e6);
        }
        System.out.println(nativeRuns.summary("anchor native clang -O2 primes<" + below,
                (System.nanoTime() - nativeStart) / 1e9));
        for (WasmRuntime runtime : List.of(new WasmtimeRuntime(), new ChicoryRuntime())) {
            Stats stats = new Stats();
            long runtimeStart = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                String out = runInJvm(runtime, programs.module("job"), "primes", below);
                stats.add((System.nanoTime() - s) / 1e6);
                if (!out.equals(expected)) throw new IllegalStateException(runtime.name() + " printed " + out + ", native " + expected);
            }
            System.out.println(stats.summary("B4 " + runtime.name() + " primes<" + below + " (compile+run)",
                    (System.nanoTime() - runtimeStart) / 1e9));
            System.out.printf("B4 %s p50 = %.2f x native%n", runtime.name(), stats.percentile(50) / nativeRuns.percentile(50));
        }
    }

    /** One execution as the compute node hands it over: the module as a local (allow-listed) input at /job.wasm; returns stdout. */
    private static String runInJvm(WasmRuntime runtime, Path module, String... params) throws Exception {
        Path work = Files.createTempDirectory("bacalao-b4-run");
        Task task = Task.of("main", SpecConfig.of("wasm", Map.of("EntryModule", "/job.wasm", "Parameters", List.of(params))))
                .withInputSources(List.of(new InputSource(SpecConfig.of("local"), "", "/job.wasm")));
        Job job = new Job("j-b4", "b4", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        Execution e = Execution.create("e-" + UUID.randomUUID(), job, "n-b4", "ev", 0,
                DesiredState.of(DesiredStateType.Running, ""), AllocatedResources.of("main", Resources.ZERO), 0).withJob(job);
        Path results = Files.createDirectories(work.resolve("results"));
        try (OutputCapture capture = new OutputCapture(results, work.resolve("logs"))) {
            WasmExecutor.using(runtime).run(new ExecutionRequest(e, work, results,
                    List.of(Mount.allowListed(module.toRealPath(), "/job.wasm", false)), Map.of(), capture));
        }
        return Files.readString(results.resolve("stdout"));
    }

    private static void helloLatency(WasmPrograms programs, int runs) throws Exception {
        String data = "data:application/wasm;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(programs.module("hello")));
        String job = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"wasm\","
                + "\"Params\":{\"EntryModule\":\"/hello.wasm\",\"Entrypoint\":\"_start\"}},\"InputSources\":[{\"Source\":"
                + "{\"Type\":\"inline\",\"Params\":{\"URL\":\"" + data + "\"}},\"Target\":\"/hello.wasm\"}]}]}";
        String noop = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}";
        try (BenchCluster cluster = new BenchCluster(1)) {
            for (int i = 0; i < 5; i++) cluster.runToEnd(job);
            Stats anchor = new Stats();
            long anchorStart = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                cluster.runToEnd(noop);
                anchor.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println(anchor.summary("anchor noop job (same devstack)", (System.nanoTime() - anchorStart) / 1e9));
            Stats stats = new Stats();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                String state = cluster.runToEnd(job);
                if (!state.equals("Completed")) throw new IllegalStateException("wasm job ended " + state);
                stats.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println(stats.summary("B4 bacalao wasm hello job (devstack, default runtime)", (System.nanoTime() - start) / 1e9));
        }
    }
}
