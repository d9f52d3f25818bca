package io.bacalao.domain.spec;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bacalhau's {@code LegacyWasmModuleTransformer} (reference §2.3): a wasm engine whose {@code EntryModule} or
 * {@code ImportModules} are InputSource objects instead of Targets. Each such module becomes an input of the task
 * (Target {@value #ENTRY_TARGET}, or {@code /wasm/imports/module_<i>.wasm}, when it has none) and the engine then
 * names it by Target. Other params are kept ({@code EntryPoint} is {@code Entrypoint}: params match
 * case-insensitively). Jobs of other engines, or already in the current form, are returned unchanged.
 */
public final class LegacyWasmModules {
    public static final String ENTRY_TARGET = "/wasm/entry.wasm";
    static final String IMPORT_TARGET = "/wasm/imports/module_%d.wasm";

    private LegacyWasmModules() {
    }

    /** @throws SpecException when a legacy module object cannot be read as an InputSource */
    public static Job convert(Job job) {
        if (job.tasks().isEmpty()) return job;
        Task task = job.task();
        SpecConfig engine = task.engine();
        if (!engine.is("wasm") || !isLegacy(engine)) return job;
        List<InputSource> inputs = new ArrayList<>(task.inputSources());
        Map<String, Object> params = new LinkedHashMap<>();
        engine.params().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("EntryModule") && !k.equalsIgnoreCase("ImportModules")) params.put(k, v);
        });
        Object entry = engine.rawParam("EntryModule");
        if (entry instanceof Map<?, ?> m) {
            params.put("EntryModule", add(inputs, m, ENTRY_TARGET));
        } else if (entry != null) {
            params.put("EntryModule", entry);
        }
        Object imports = engine.rawParam("ImportModules");
        if (imports instanceof List<?> list) {
            List<Object> targets = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object module = list.get(i);
                targets.add(module instanceof Map<?, ?> m ? add(inputs, m, IMPORT_TARGET.formatted(i)) : module);
            }
            params.put("ImportModules", targets);
        } else if (imports != null) {
            params.put("ImportModules", imports);
        }
        return job.withTask(task.withEngine(SpecConfig.of(engine.type(), params)).withInputSources(inputs));
    }

    static boolean isLegacy(SpecConfig engine) {
        if (engine.rawParam("EntryModule") instanceof Map<?, ?>) return true;
        return engine.rawParam("ImportModules") instanceof List<?> l && l.stream().anyMatch(m -> m instanceof Map<?, ?>);
    }

    private static String add(List<InputSource> inputs, Map<?, ?> module, String defaultTarget) {
        InputSource in;
        try {
            in = Json.mapper().convertValue(module, InputSource.class);
        } catch (IllegalArgumentException e) {
            throw new SpecException("invalid legacy wasm module: " + e.getMessage());
        }
        if (in.source() == null) throw new SpecException("invalid legacy wasm module: it has no Source");
        String target = in.target().isBlank() ? defaultTarget : in.target();
        inputs.add(new InputSource(in.source(), in.alias(), target));
        return target;
    }
}
