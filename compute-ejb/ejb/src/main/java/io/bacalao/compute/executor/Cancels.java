package io.bacalao.compute.executor;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancels of one executor's runs, including a cancel that arrives before its run reached the executor (the node
 * reports Running, then fetches inputs and pulls images): the run, once it {@link #open opens}, sees it at once.
 * A cancel for a run that never opens is forgotten after {@link #KEEP}.
 */
public final class Cancels {
    static final Duration KEEP = Duration.ofMinutes(10);

    private final Map<String, Cancel> byExecution = new ConcurrentHashMap<>();
    private final Clock clock;

    public Cancels() {
        this(Clock.systemUTC());
    }

    Cancels(Clock clock) {
        this.clock = clock;
    }

    /** The cancel of a run that starts now; {@link #close} it when the run ends. */
    public Cancel open(String executionId) {
        return byExecution.computeIfAbsent(executionId, id -> new Cancel(clock.millis()));
    }

    public void close(String executionId) {
        byExecution.remove(executionId);
    }

    /** Cancels the run now, or when it opens. */
    public void cancel(String executionId) {
        long now = clock.millis();
        byExecution.values().removeIf(c -> c.isCancelled() && now - c.since > KEEP.toMillis());
        byExecution.computeIfAbsent(executionId, id -> new Cancel(now)).cancel();
    }

    /** How a cancelled run ends. */
    public static ExecutionFailure failure() {
        return new ExecutionFailure("execution cancelled");
    }

    int size() {
        return byExecution.size();
    }

    /** One run's cancel: a flag, and what stops the run once it has something to stop. */
    public static final class Cancel {
        private final long since;
        private boolean cancelled;
        private Runnable stop;

        Cancel(long since) {
            this.since = since;
        }

        public synchronized boolean isCancelled() {
            return cancelled;
        }

        /** Runs {@code stop} when the run is cancelled, at once when it already was. */
        public void onCancel(Runnable stop) {
            synchronized (this) {
                this.stop = stop;
                if (!cancelled) return;
            }
            stop.run();
        }

        void cancel() {
            Runnable s;
            synchronized (this) {
                cancelled = true;
                s = stop;
            }
            if (s != null) s.run();
        }
    }
}
