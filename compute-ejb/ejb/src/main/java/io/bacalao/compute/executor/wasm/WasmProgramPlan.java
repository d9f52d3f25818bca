package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.MountGuard;
import io.bacalao.compute.executor.wasm.WasmProgram.Module;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.quantity.Quantities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns an execution of engine {@code wasm} (reference §2.3, §5.6) into a {@link WasmProgram}, refusing what no
 * runtime could run with the words the user sees: {@code EntryModule} and each of {@code ImportModules} must be
 * the Target of an input and a WebAssembly binary; the {@code Entrypoint} (default {@value #DEFAULT_ENTRYPOINT})
 * must be exported ("unable to find the entrypoint '<x>' in the WASM module"); every import outside WASI must be
 * an export of an import module, which is named by its {@code name} section, else by its Target's last segment
 * without {@code .wasm} (the module file's name when the input is a directory); every memory must start within
 * {@code Resources.Memory}, which then caps it.
 */
final class WasmProgramPlan {
    static final String DEFAULT_ENTRYPOINT = "_start";
    static final String WASI = "wasi_snapshot_preview1";

    private WasmProgramPlan() {
    }

    static WasmProgram of(ExecutionRequest request, Path scratch) throws ExecutionFailure {
        Task task = request.job().task();
        SpecConfig engine = task.engine();
        String entryTarget = engine.param("EntryModule");
        if (entryTarget == null || entryTarget.isBlank()) throw new ExecutionFailure("wasm engine spec has no EntryModule");
        String entrypoint = engine.param("Entrypoint");
        if (entrypoint == null || entrypoint.isBlank()) entrypoint = DEFAULT_ENTRYPOINT;
        long memoryPages = memoryPages(task);

        MountGuard.Plan checked = MountGuard.check(request);
        List<Mount> inputs = new ArrayList<>();
        for (MountGuard.Bind b : checked.inputs()) inputs.add(new Mount(b.hostPath(), b.target(), b.readWrite()));
        Map<String, Mount> byTarget = mountsByTarget(task.inputSources(), inputs);
        Loaded entry = load("entry module", entryTarget, byTarget);
        if (!entry.binary.exports(entrypoint)) {
            throw new ExecutionFailure("unable to find the entrypoint '" + entrypoint + "' in the WASM module");
        }
        List<Loaded> libraries = new ArrayList<>();
        for (String target : engine.listParam("ImportModules")) libraries.add(load("import module", target, byTarget));
        checkImports(entry, libraries);
        for (Loaded lib : libraries) checkImports(lib, libraries);

        List<String> args = new ArrayList<>();
        args.add(entryTarget);
        args.addAll(engine.listParam("Parameters"));
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (MountGuard.Output out : checked.outputs()) outputs.put(out.name(), out.hostDir());
        List<Module> capped = new ArrayList<>();
        for (Loaded lib : libraries) capped.add(lib.capped(memoryPages));
        return new WasmProgram(entry.capped(memoryPages), capped, entrypoint, args, new TreeMap<>(request.environment()),
                GuestDirectories.of(inputs, outputs, scratch.resolve("views")), memoryPages,
                request.output(), scratch);
    }

    /** {@code Resources.Memory} rounded up to whole 64 KiB pages, at most 4 GiB; 0 = no limit. */
    static long memoryPages(Task task) throws ExecutionFailure {
        long bytes;
        try {
            bytes = Resources.parse(task.resources()).memory();
        } catch (IllegalArgumentException e) {
            throw new ExecutionFailure(e.getMessage());
        }
        return bytes <= 0 ? 0 : Math.min(65536, (bytes + WasmBinary.PAGE - 1) / WasmBinary.PAGE);
    }

    /** Inputs come back from preparation in input order, so input i is mounted by mount i. */
    private static Map<String, Mount> mountsByTarget(List<InputSource> sources, List<Mount> mounts) {
        Map<String, Mount> m = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(sources.size(), mounts.size()); i++) {
            m.put(GuestDirectories.normalize(sources.get(i).target()), mounts.get(i));
        }
        return m;
    }

    private record Loaded(String target, String name, WasmBinary binary) {
        Module capped(long pages) throws ExecutionFailure {
            try {
                return new Module(name, target, pages > 0 ? binary.withMemoryMaximum(pages) : binary.bytes());
            } catch (IllegalArgumentException e) {
                throw new ExecutionFailure("the WASM module " + target + " exceeds its memory limit: " + e.getMessage()
                        + ", more than the " + Quantities.formatBytes(pages * WasmBinary.PAGE)
                        + " it may use (Resources.Memory); ask for more with --memory");
            }
        }
    }

    private static Loaded load(String role, String target, Map<String, Mount> byTarget) throws ExecutionFailure {
        Mount mount = byTarget.get(GuestDirectories.normalize(target));
        if (mount == null) {
            throw new ExecutionFailure("the wasm " + role + " " + target + " is not the Target of any input of the job");
        }
        Path file = moduleFile(role, target, mount.hostPath());
        try {
            WasmBinary binary = WasmBinary.parse(Files.readAllBytes(file));
            String named = Files.isDirectory(mount.hostPath()) ? file.getFileName().toString() : lastSegment(target);
            return new Loaded(target, binary.moduleName().orElse(named.replaceFirst("\\.wasm$", "")), binary);
        } catch (IllegalArgumentException e) {
            throw new ExecutionFailure("the wasm " + role + " " + target + " is not a WebAssembly module: " + e.getMessage());
        } catch (IOException e) {
            throw new ExecutionFailure("cannot read the wasm " + role + " " + target + ": " + e.getMessage(), e);
        }
    }

    private static String lastSegment(String target) {
        String t = GuestDirectories.normalize(target);
        return t.substring(t.lastIndexOf('/') + 1);
    }

    /** The module file: the input itself, or the one {@code .wasm} file of an input that is a directory. */
    private static Path moduleFile(String role, String target, Path host) throws ExecutionFailure {
        if (!Files.isDirectory(host)) return host;
        try (Stream<Path> files = Files.list(host)) {
            List<Path> wasm = files.filter(p -> p.getFileName().toString().endsWith(".wasm") && Files.isRegularFile(p)).toList();
            if (wasm.size() == 1) return wasm.get(0);
            throw new ExecutionFailure("the wasm " + role + " " + target + " is a directory with " + wasm.size()
                    + " .wasm files; it must be one module file");
        } catch (IOException e) {
            throw new ExecutionFailure("cannot read the wasm " + role + " " + target + ": " + e.getMessage(), e);
        }
    }

    private static void checkImports(Loaded module, List<Loaded> libraries) throws ExecutionFailure {
        for (WasmBinary.Import imp : module.binary.imports()) {
            if (imp.module().equals(WASI)) continue;
            boolean provided = libraries.stream().anyMatch(l -> l != module && l.name.equals(imp.module())
                    && l.binary.exports(imp.name()));
            if (!provided) {
                throw new ExecutionFailure("the WASM module " + module.target + " imports " + imp.module() + "." + imp.name()
                        + ", which neither WASI nor any import module provides");
            }
        }
    }
}
