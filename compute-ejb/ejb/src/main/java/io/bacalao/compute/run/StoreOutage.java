package io.bacalao.compute.run;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Carries a change of the execution store that must not be lost (an execution's end, with its report to the
 * orchestrator) through an outage of the store. When the change fails and the store does not answer a probe, it
 * waits for the store, probing after {@link #FIRST_WAIT_MILLIS} and then doubling up to {@link #MAX_WAIT_MILLIS},
 * and tries the change again, however long the outage lasts. A failure while the store answers is the change's own
 * and is thrown at once. Interrupting the waiting thread (the node shuts down) throws the last failure: the execution
 * is then still Running in the store, which a restart's recovery fails and reports.
 */
final class StoreOutage {
    static final long FIRST_WAIT_MILLIS = 500;
    static final long MAX_WAIT_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(StoreOutage.class.getName());

    /** Waits; {@code Thread::sleep} on a node. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final BooleanSupplier storeAnswers;
    private final Sleeper sleeper;

    StoreOutage(BooleanSupplier storeAnswers, Sleeper sleeper) {
        this.storeAnswers = storeAnswers;
        this.sleeper = sleeper;
    }

    /** Runs {@code change} until it succeeds or fails while the store answers; {@code what} names it in the log. */
    <T> T through(String what, Supplier<T> change) {
        int outages = 0;
        while (true) {
            try {
                T result = change.get();
                if (outages > 0) LOG.info(what + ": recorded once the execution store answered again");
                return result;
            } catch (RuntimeException failure) {
                if (answers()) throw failure;
                if (outages++ == 0) {
                    LOG.warning(what + ": the execution store does not answer (" + failure.getMessage()
                            + "); waiting for it, the result is kept");
                }
                awaitStore(failure);
            }
        }
    }

    private boolean answers() {
        try {
            return storeAnswers.getAsBoolean();
        } catch (RuntimeException probeFailed) {
            return false;
        }
    }

    private void awaitStore(RuntimeException failure) {
        long wait = FIRST_WAIT_MILLIS;
        try {
            do {
                sleeper.sleep(wait);
                wait = Math.min(wait * 2, MAX_WAIT_MILLIS);
            } while (!answers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
