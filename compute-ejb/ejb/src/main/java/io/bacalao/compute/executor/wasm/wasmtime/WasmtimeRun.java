package io.bacalao.compute.executor.wasm.wasmtime;

import io.bacalao.compute.executor.wasm.WasmRun;
import io.bacalao.compute.executor.wasm.WasmTrap;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.WasmFunctionError;

/** A linked wasmtime instance: the entrypoint, the epoch that interrupts it, the pump of its output. */
final class WasmtimeRun implements WasmRun {
    private final WasmtimeRuntime.Natives res;
    private final Instance instance;
    private final Func main;
    private final FilePump pump;
    private boolean closed;

    WasmtimeRun(WasmtimeRuntime.Natives res, Instance instance, Func main, FilePump pump) {
        this.res = res;
        this.instance = instance;
        this.main = main;
        this.pump = pump;
    }

    @Override
    public int call() throws WasmTrap {
        try {
            main.call(res.store);
            return 0;
        } catch (WasmFunctionError.I32ExitError exit) {
            return exit.exitCode();
        } catch (RuntimeException e) {
            throw new WasmTrap(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** Synchronized with {@link #close}: the epoch of a disposed engine must never be touched. */
    @Override
    public synchronized void interrupt() {
        if (!closed) res.engine.incrementEpoch();
    }

    @Override
    public long memoryPages() {
        return instance.getMemory(res.store, "memory").map(m -> (long) m.size(res.store)).orElse(-1L);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        pump.close();
        res.close();
    }
}
