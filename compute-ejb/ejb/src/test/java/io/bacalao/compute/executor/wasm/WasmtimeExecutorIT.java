package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.wasm.wasmtime.WasmtimeRuntime;

/** The executor contract on wasmtime-java, the default runtime. */
class WasmtimeExecutorIT extends WasmExecutorContract {
    @Override
    WasmRuntime runtime() {
        return new WasmtimeRuntime();
    }
}
