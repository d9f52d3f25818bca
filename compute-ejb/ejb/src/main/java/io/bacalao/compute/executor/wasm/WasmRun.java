package io.bacalao.compute.executor.wasm;

/**
 * One prepared program. {@link #call} runs the entrypoint on the calling thread and gives its exit code (0 when
 * the entrypoint returns, n after {@code proc_exit(n)}); a trap throws {@link WasmTrap}. {@link #interrupt},
 * from any thread, makes a running {@link #call} end promptly with a {@link WasmTrap}. {@link #close} frees what
 * the runtime holds and is called once, after {@code call} ended.
 */
public interface WasmRun extends AutoCloseable {
    int call() throws WasmTrap;

    void interrupt();

    /** Pages of the entry module's memory now (after a run: how far it grew); -1 when it has none. */
    long memoryPages();

    @Override
    void close();
}
