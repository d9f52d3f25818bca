package io.bacalao.compute.executor.wasm.chicory;

import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiPreview1;
import io.bacalao.compute.executor.wasm.WasmRun;
import io.bacalao.compute.executor.wasm.WasmTrap;

/**
 * A Chicory instance ready to call its entrypoint. {@link #interrupt} interrupts the thread inside {@link #call}
 * (Chicory checks the flag in loops and calls); an interrupt that comes before the call makes it end at once.
 */
final class ChicoryRun implements WasmRun {
    private final Instance instance;
    private final String entrypoint;
    private final WasiPreview1 wasi;
    private Thread runner;
    private boolean interrupted;

    ChicoryRun(Instance instance, String entrypoint, WasiPreview1 wasi) {
        this.instance = instance;
        this.entrypoint = entrypoint;
        this.wasi = wasi;
    }

    @Override
    public int call() throws WasmTrap {
        synchronized (this) {
            if (interrupted) throw new WasmTrap("interrupted before it started", null);
            runner = Thread.currentThread();
        }
        try {
            instance.export(entrypoint).apply();
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        } catch (ExecutionCompletedException exit0) {
            return 0;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String m = e instanceof StackOverflowError ? "call stack exhausted"
                    : e instanceof OutOfMemoryError ? "the node ran out of Java heap" : e.getMessage();
            throw new WasmTrap(m == null ? e.getClass().getSimpleName() : m, e);
        } finally {
            synchronized (this) {
                runner = null;
                Thread.interrupted();
            }
        }
    }

    @Override
    public synchronized void interrupt() {
        interrupted = true;
        if (runner != null) runner.interrupt();
    }

    @Override
    public long memoryPages() {
        try {
            return instance.memory().pages();
        } catch (RuntimeException none) {
            return -1;
        }
    }

    @Override
    public void close() {
        wasi.close();
    }
}
