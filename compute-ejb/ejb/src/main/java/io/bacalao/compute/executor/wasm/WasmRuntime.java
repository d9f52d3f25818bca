package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.ExecutionFailure;

/**
 * A WebAssembly runtime that runs WASI preview 1 programs. {@link #prepare} compiles and links a program and
 * fails with a message for the user (an import no module provides, a module the runtime rejects); the returned
 * {@link WasmRun} then calls the entrypoint.
 */
public interface WasmRuntime {
    /** The value of {@code Engines.Types.WASM.Runtime} that selects this runtime. */
    String name();

    WasmRun prepare(WasmProgram program) throws ExecutionFailure;
}
