package io.bacalao.compute.executor.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which runtime Engines.Types.WASM.Runtime selects, and the fallback when wasmtime cannot load. */
class WasmRuntimesTest {
    @Test
    void wasmtimeIsTheDefault() {
        assertEquals("wasmtime", WasmRuntimes.choose("", Optional::empty).name());
        assertEquals("wasmtime", WasmRuntimes.choose(null, Optional::empty).name());
    }

    @Test
    void chicoryIsSelectedByName() {
        assertEquals("chicory", WasmRuntimes.choose("Chicory", Optional::empty).name());
    }

    @Test
    void chicoryRunsWhenWasmtimesNativeLibraryCannotLoad() {
        assertEquals("chicory", WasmRuntimes.choose("wasmtime", () -> Optional.of("UnsatisfiedLinkError: no glibc")).name());
    }

    @Test
    void anUnknownNameMeansTheDefault() {
        assertEquals("wasmtime", WasmRuntimes.choose("wazero", Optional::empty).name());
    }
}
