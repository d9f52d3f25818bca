package io.bacalao.compute.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accepted bids of pre-approved executions that this node has not reported yet. Such a bid is reported once
 * the execution has been here for {@code Compute.Executions.RunningReportDelay}, unless the execution reported its
 * end first: the orchestrator records a pre-approved run's acceptance from its {@code RunResult}, so a short run
 * sends one report instead of two (docs/compute-performance.md). A failure is reported after the bid it held back,
 * since a {@code ComputeError} does not say that the node accepted. Every bid sent, for whatever reason, releases
 * the hold.
 *
 * <p>Held in memory only. A node killed while it holds a bid reports the bid after its restart, with the failure
 * that start-up recovery reports for an execution that was running ({@code registration.Recovery}); an execution
 * that had not started runs after the restart and reports its end, and the orchestrator's re-send sweep asks about
 * one it has not heard of, which the node answers with its bid.
 */
@ApplicationScoped
public class HeldBids {
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** Holds back the bid on {@code executionId}. */
    public void hold(String executionId) {
        held.add(executionId);
    }

    /** Whether the bid on {@code executionId} is still held back. */
    public boolean isHeld(String executionId) {
        return held.contains(executionId);
    }

    /** The bid is being reported, or no longer needs to be: true if it was held back until now. */
    public boolean release(String executionId) {
        return held.remove(executionId);
    }
}
