package io.bacalao.cli.command.wasm;

import io.bacalao.cli.command.flags.JobFlags;
import io.bacalao.cli.command.flags.TaskFlags;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job of {@code wasm run} (reference §2.3): the entry module and each import module become inputs of the
 * task, after those of {@code -i}, and the wasm engine names them by Target: {@code EntryModule},
 * {@code ImportModules}, plus {@code Entrypoint} and {@code Parameters} (argv[1..], untouched).
 */
public final class WasmJobBuilder {
    public static final String ENGINE_TYPE = "wasm";
    public static final String DEFAULT_ENTRYPOINT = "_start";

    private WasmJobBuilder() {
    }

    /** The whole job; flag values and module arguments are parsed here, so any bad one throws CliException. */
    public static Job build(String entryModule, List<String> parameters, List<String> importModules, String entrypoint,
                            JobFlags job, TaskFlags flags) {
        InputSource entry = ModuleArgument.parse(entryModule);
        List<InputSource> imports = importModules.stream().map(ModuleArgument::parse).toList();
        Task task = flags.toTask(engine(entry.target(), parameters, imports.stream().map(InputSource::target).toList(), entrypoint));
        List<InputSource> inputs = new ArrayList<>(task.inputSources());
        inputs.add(entry);
        inputs.addAll(imports);
        return job.toJob(task.withInputSources(inputs));
    }

    static SpecConfig engine(String entryTarget, List<String> parameters, List<String> importTargets, String entrypoint) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("EntryModule", entryTarget);
        params.put("Entrypoint", entrypoint == null || entrypoint.isBlank() ? DEFAULT_ENTRYPOINT : entrypoint);
        if (!parameters.isEmpty()) params.put("Parameters", List.copyOf(parameters));
        if (!importTargets.isEmpty()) params.put("ImportModules", List.copyOf(importTargets));
        return SpecConfig.of(ENGINE_TYPE, params);
    }
}
