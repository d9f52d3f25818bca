package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.logs.OutputCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * A checked, runtime-independent description of one WASI run: the entry module and the library modules whose
 * exports satisfy its imports (each already capped at {@code memoryPages}), the entrypoint (a zero-argument,
 * zero-result export), argv (argv[0] is the entry module's Target), the environment (sorted), the directories
 * the module sees (nothing else of the host is visible), the memory cap in 64 KiB pages (0 = none), where its
 * stdout/stderr go, and a private scratch directory the runtime may use.
 */
public record WasmProgram(Module entry, List<Module> libraries, String entrypoint, List<String> args,
                          SortedMap<String, String> env, List<Preopen> preopens, long memoryPages,
                          OutputCapture output, Path scratchDir) {

    /** A module: the name its exports are imported under, the input Target it came from, its (capped) bytes. */
    public record Module(String name, String target, byte[] bytes) {
    }

    /** A host directory the module sees at {@code guestPath}; inputs are read-only, outputs read-write. */
    public record Preopen(String guestPath, Path hostDir, boolean readOnly) {
    }
}
