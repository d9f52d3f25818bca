package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.Cancels;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionOutcome;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.Executor;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.quantity.Quantities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Engine {@code wasm} (reference §5.6): WASI preview 1 programs on the runtime {@link WasmRuntimes} picks.
 * A module's exit code is a completed run. These are failures, with a message for the user: a bad spec or module
 * (see {@link WasmProgramPlan}), a trap ("the WASM module trapped: …"), running out of memory (see
 * {@link #NEAR_LIMIT}), the
 * ExecutionTimeout, a cancel. Each call runs on its own thread (see {@link WasmThread}), so that neither a deep
 * recursion nor a runaway loop touches the caller, and the node keeps running whatever the module does.
 */
@ApplicationScoped
public class WasmExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(WasmExecutor.class.getName());
    /**
     * Neither runtime reports a refused {@code memory.grow} (the cap makes it return -1 inside the module, which
     * then traps or exits non-zero). A failed run whose memory had grown to this share of its limit is reported
     * as having run out of memory; a refused grow bigger than the rest of the limit goes unexplained.
     */
    static final double NEAR_LIMIT = 0.9;
    @Inject
    ComputeSettings settings;
    private volatile WasmRuntime runtime;
    private final Cancels cancels = new Cancels();

    public WasmExecutor() {
    }

    /** For tests and benches: an executor on a given runtime. */
    public static WasmExecutor using(WasmRuntime runtime) {
        WasmExecutor e = new WasmExecutor();
        e.runtime = runtime;
        return e;
    }

    public WasmRuntime runtime() {
        WasmRuntime r = runtime;
        if (r == null) {
            synchronized (this) {
                if (runtime == null) {
                    runtime = WasmRuntimes.choose(settings.config().get(ConfigKeys.WASM_RUNTIME));
                    LOG.info(() -> "wasm jobs run on " + runtime.name());
                }
                r = runtime;
            }
        }
        return r;
    }

    @Override
    public String engine() {
        return "wasm";
    }

    /**
     * Modules get WASI preview 1 and no sockets (Bacalhau's HTTP host module is not offered), so a job that asks
     * for network access is refused at bidding; Default means none here.
     */
    @Override
    public Optional<String> refusal(Job job) {
        NetworkType type = job.task().network().type();
        if (type == NetworkType.Default || type == NetworkType.None) return Optional.empty();
        return Optional.of("this node does not support networking for wasm jobs (network type " + type + ")");
    }

    @Override
    public ExecutionOutcome run(ExecutionRequest request) throws ExecutionFailure {
        Cancels.Cancel cancel = cancels.open(request.executionId());
        try {
            WasmProgram program = WasmProgramPlan.of(request, request.workDir().resolve("wasm"));
            WasmRun run = runtime().prepare(program);
            long timeout = request.job().task().timeouts().effectiveExecutionTimeout();
            if (cancel.isCancelled()) {
                run.close();
                throw Cancels.failure();
            }
            WasmThread thread = new WasmThread(request.executionId(), run);
            cancel.onCancel(thread::cancel);
            try {
                return outcome(thread.await(timeout), program, run, timeout);
            } finally {
                thread.release();
            }
        } finally {
            cancels.close(request.executionId());
        }
    }

    private static ExecutionOutcome outcome(WasmThread.Ending end, WasmProgram program, WasmRun run, long timeout)
            throws ExecutionFailure {
        if (end.cancelled()) throw Cancels.failure();
        if (end.timedOut()) throw new ExecutionFailure("execution timed out after " + timeout + "s and was interrupted");
        boolean failed = end.trap() != null || end.exitCode() != 0;
        long used = run.memoryPages();
        if (failed && program.memoryPages() > 0 && used >= NEAR_LIMIT * program.memoryPages()) {
            throw new ExecutionFailure("the WASM module " + (end.trap() != null ? "trapped (" + end.trap().getMessage() + ")"
                    : "exited with code " + end.exitCode()) + " after growing its memory to "
                    + Quantities.formatBytes(used * WasmBinary.PAGE) + " of its " + Quantities.formatBytes(
                    program.memoryPages() * WasmBinary.PAGE) + " limit (Resources.Memory): it most likely ran out of"
                    + " memory; ask for more with --memory");
        }
        if (end.trap() != null) throw new ExecutionFailure("the WASM module trapped: " + end.trap().getMessage());
        return new ExecutionOutcome(end.exitCode());
    }

    @Override
    public void cancel(String executionId) {
        cancels.cancel(executionId);
    }
}
