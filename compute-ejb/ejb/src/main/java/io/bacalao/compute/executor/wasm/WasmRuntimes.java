package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.wasm.chicory.ChicoryRuntime;
import io.bacalao.compute.executor.wasm.wasmtime.WasmtimeRuntime;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Picks the runtime named by {@code Engines.Types.WASM.Runtime}: {@code wasmtime} (the default) or
 * {@code chicory}. Where wasmtime's native library cannot load (another OS or CPU, a missing libc), Chicory runs
 * the jobs instead and the log says why; an unknown name is logged and treated as the default.
 */
public final class WasmRuntimes {
    private static final Logger LOG = Logger.getLogger(WasmRuntimes.class.getName());

    private WasmRuntimes() {
    }

    public static WasmRuntime choose(String configured) {
        return choose(configured, WasmtimeRuntime::unavailableReason);
    }

    /** {@code wasmtimeProblem}: empty when wasmtime's native library loads, else why not. */
    static WasmRuntime choose(String configured, Supplier<Optional<String>> wasmtimeProblem) {
        String name = configured == null || configured.isBlank() ? WasmtimeRuntime.NAME : configured.strip().toLowerCase(Locale.ROOT);
        if (name.equals(ChicoryRuntime.NAME)) return new ChicoryRuntime();
        if (!name.equals(WasmtimeRuntime.NAME)) {
            LOG.warning(() -> "unknown Engines.Types.WASM.Runtime \"" + configured + "\" (expected wasmtime or chicory); using wasmtime");
        }
        Optional<String> problem = wasmtimeProblem.get();
        if (problem.isPresent()) {
            LOG.warning(() -> "wasmtime's native library cannot load on this machine (" + problem.get()
                    + "); wasm jobs run on chicory, the pure-Java runtime");
            return new ChicoryRuntime();
        }
        return new WasmtimeRuntime();
    }
}
