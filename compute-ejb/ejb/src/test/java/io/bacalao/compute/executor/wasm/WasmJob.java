package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A wasm execution as the compute node hands it to the executor, for tests: the entry module (a compiled test
 * program, or a text file when null) as the input at {@code /main.wasm}, plus inputs, outputs, env, limits.
 * Each job has its own execution directory.
 */
final class WasmJob {
    /** What a test program was compiled to (target/test-classes/wasm/NAME.wasm). */
    static Path program(String name) {
        Path p = Path.of("target", "test-classes", "wasm", name + ".wasm");
        if (!Files.isRegularFile(p)) throw new IllegalStateException(p + " is missing: the build compiles src/test/wasm");
        return p.toAbsolutePath();
    }

    record Result(int exit, String stdout, String stderr, Path results) {
    }

    private final WasmExecutor executor;
    private final Path workDir;
    private final String executionId = "e-" + UUID.randomUUID();
    private final List<InputSource> sources = new ArrayList<>();
    private final List<Mount> mounts = new ArrayList<>();
    private final List<String> imports = new ArrayList<>();
    private final List<ResultPath> outputs = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args;
    private String entrypoint;
    private String memory = "";
    private TimeoutConfig timeouts = TimeoutConfig.NONE;

    WasmJob(WasmExecutor executor, Path dir, String module, List<String> args) {
        this.executor = executor;
        this.workDir = dir.resolve(executionId);
        this.args = args;
        try {
            Files.createDirectories(workDir);
            Path entry = module != null ? program(module) : Files.writeString(workDir.resolve("notwasm.txt"), "not a module\n");
            input(new Mount(entry, "/main.wasm", false));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * An input as the {@code local} storage hands it over: a host path outside the execution's folder is one the
     * allow-list granted, named by its real path. A mount inside the folder, or one already flagged, stays as given.
     */
    WasmJob input(Mount m) {
        sources.add(new InputSource(SpecConfig.of("local"), "", m.target()));
        mounts.add(m.allowListed() || m.hostPath().normalize().startsWith(workDir) ? m : allowListed(m));
        return this;
    }

    private static Mount allowListed(Mount m) {
        try {
            return Mount.allowListed(m.hostPath().toRealPath(), m.target(), m.readWrite());
        } catch (java.io.IOException e) {
            return m;
        }
    }

    /** An input as given, e.g. one whose host path a broken storage put outside the execution's folder. */
    WasmJob rawInput(Mount m) {
        sources.add(new InputSource(SpecConfig.of("local"), "", m.target()));
        mounts.add(m);
        return this;
    }

    WasmJob importModule(String program, String target) {
        imports.add(target);
        return input(new Mount(program(program), target, false));
    }

    WasmJob output(ResultPath out) {
        outputs.add(out);
        return this;
    }

    WasmJob env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    WasmJob entrypoint(String name) {
        entrypoint = name;
        return this;
    }

    WasmJob memory(String quantity) {
        memory = quantity;
        return this;
    }

    WasmJob timeouts(TimeoutConfig t) {
        timeouts = t;
        return this;
    }

    WasmExecutor executor() {
        return executor;
    }

    String executionId() {
        return executionId;
    }

    Path workDir() {
        return workDir;
    }

    Result run() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("EntryModule", "/main.wasm");
        if (entrypoint != null) params.put("Entrypoint", entrypoint);
        params.put("Parameters", args);
        params.put("ImportModules", imports);
        Task task = Task.of("main", SpecConfig.of("wasm", params)).withInputSources(sources).withResultPaths(outputs)
                .withResources(new ResourcesConfig("", memory, "", "")).withTimeouts(timeouts);
        Job job = new Job("j-wasm-test", "wasm-test", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        Execution e = Execution.create(executionId, job, "n-test", "ev", 0, DesiredState.of(DesiredStateType.Running, ""),
                AllocatedResources.of("main", Resources.ZERO), 0).withJob(job);
        Path results = Files.createDirectories(workDir.resolve("results"));
        ExecutionOutcome outcome;
        try (OutputCapture capture = new OutputCapture(results, workDir.resolve("logs"))) {
            outcome = executor.run(new ExecutionRequest(e, workDir, results, mounts, env, capture));
        }
        return new Result(outcome.exitCode(), Files.readString(results.resolve("stdout")),
                Files.readString(results.resolve("stderr")), results);
    }
}
