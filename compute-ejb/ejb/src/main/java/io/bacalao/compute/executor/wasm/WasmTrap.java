package io.bacalao.compute.executor.wasm;

/** The module stopped abnormally (a trap, an interrupt, a host error); the message is the runtime's own words. */
public class WasmTrap extends Exception {
    public WasmTrap(String message, Throwable cause) {
        super(message, cause);
    }
}
