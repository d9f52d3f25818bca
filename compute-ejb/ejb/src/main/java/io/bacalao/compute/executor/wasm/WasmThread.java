package io.bacalao.compute.executor.wasm;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Runs one {@link WasmRun#call} on a platform thread of its own with a {@value #STACK_BYTES}-byte stack: native
 * wasm code (wasmtime) runs on that stack, and a Java thread's default stack is too small for wasmtime's own
 * stack limit, which would crash the JVM instead of trapping. A timeout or {@link #cancel} interrupts the run;
 * one that then does not end within {@link #GRACE_SECONDS} is abandoned (its thread and native memory kept,
 * never freed under it) and reported as ended.
 */
final class WasmThread {
    static final long STACK_BYTES = 16L << 20;
    static final long GRACE_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(WasmThread.class.getName());

    /** How the call ended: its exit code, or the trap; whether a timeout or a cancel had interrupted it. */
    record Ending(int exitCode, WasmTrap trap, boolean timedOut, boolean cancelled) {
    }

    private final String executionId;
    private final WasmRun run;
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile boolean abandoned;

    WasmThread(String executionId, WasmRun run) {
        this.executionId = executionId;
        this.run = run;
        Thread.ofPlatform().name("wasm-" + executionId).daemon().stackSize(STACK_BYTES).start(() -> {
            try {
                result.complete(run.call());
            } catch (WasmTrap trap) {
                result.complete(trap);
            } catch (Throwable unexpected) {
                result.complete(new WasmTrap(String.valueOf(unexpected), unexpected));
            }
        });
    }

    /** Waits for the end; {@code timeoutSeconds} 0 = no limit. */
    Ending await(long timeoutSeconds) {
        boolean timedOut = false;
        Object r;
        try {
            r = timeoutSeconds > 0 ? result.get(timeoutSeconds, TimeUnit.SECONDS) : result.get();
        } catch (TimeoutException e) {
            timedOut = true;
            r = stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            r = stop();
        } catch (ExecutionException e) {
            r = new WasmTrap(String.valueOf(e.getCause()), e.getCause());
        }
        if (r instanceof Integer code) return new Ending(code, null, timedOut, cancelled);
        return new Ending(-1, (WasmTrap) r, timedOut, cancelled);
    }

    private Object stop() {
        run.interrupt();
        try {
            return result.get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            abandoned = true;
            LOG.warning(() -> "wasm execution " + executionId + " did not stop within " + GRACE_SECONDS
                    + "s of being interrupted; its thread is left behind");
            return new WasmTrap("did not stop when interrupted", null);
        }
    }

    void cancel() {
        cancelled = true;
        run.interrupt();
    }

    /** Frees the runtime's resources, unless the call may still be using them. */
    void release() {
        if (!abandoned) run.close();
    }
}
