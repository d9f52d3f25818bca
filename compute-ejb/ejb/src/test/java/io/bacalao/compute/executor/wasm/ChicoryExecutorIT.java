package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.wasm.chicory.ChicoryRuntime;

/** The executor contract on Chicory, the pure-Java runtime. */
class ChicoryExecutorIT extends WasmExecutorContract {
    @Override
    WasmRuntime runtime() {
        return new ChicoryRuntime();
    }
}
