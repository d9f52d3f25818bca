package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.UnixNanos;
import java.time.Instant;

/**
 * Partitions of a job go to distinct nodes and a node gets at most two attempts (reference §3.4), counting
 * the current job version's executions on the node as Bacalhau does: none +30; two or more unsuitable ("job
 * already executed on this node more than once"); one that is live, completed or a refused bid unsuitable
 * ("job rejected"); one that failed or was cancelled 0 (the node may try again).
 *
 * <p>{@link #sinceLastConnect()} is the daemon variant: executions created before the node's latest
 * (re)connection do not count, so a daemon lost with its node comes back when the node does, while a daemon
 * that keeps failing on a connected node stops after two attempts.
 */
public final class PreviousExecutionsRanker implements NodeRanker {
    private final boolean sinceLastConnect;

    public PreviousExecutionsRanker() {
        this(false);
    }

    private PreviousExecutionsRanker(boolean sinceLastConnect) {
        this.sinceLastConnect = sinceLastConnect;
    }

    public static PreviousExecutionsRanker sinceLastConnect() {
        return new PreviousExecutionsRanker(true);
    }

    @Override
    public Rank rank(RankingInput input, NodeState node) {
        long countedFrom = sinceLastConnect ? nanos(node.connectionState().connectedSince()) : Long.MIN_VALUE;
        int attempts = 0;
        Execution blocking = null;
        for (Execution e : input.executionsOn(node.id())) {
            if (e.jobVersion() != input.job().version()) continue;
            if (e.createTime() < countedFrom) continue;
            attempts++;
            if (!e.isDiscarded() || e.state() == ExecutionStateType.AskForBidRejected) blocking = e;
        }
        if (attempts == 0) return Rank.score(30);
        if (attempts > 1) {
            return Rank.unsuitable("job already executed on this node more than once",
                    Misfit.of(Misfit.Kind.TOO_MANY_ATTEMPTS, ""));
        }
        if (blocking == null) return Rank.score(0);
        Misfit why = blocking.state() == ExecutionStateType.AskForBidRejected
                ? Misfit.of(Misfit.Kind.REFUSED_BID, refusal(blocking))
                : Misfit.of(Misfit.Kind.HOLDS_JOB, "");
        return Rank.unsuitable("job rejected", why);
    }

    private static String refusal(Execution e) {
        String m = e.computeState().message();
        return m == null ? "" : m;
    }

    /** Unix nanoseconds; Go's zero time ("never connected") counts everything. */
    private static long nanos(Instant i) {
        if (i.isBefore(Instant.EPOCH)) return Long.MIN_VALUE;
        return UnixNanos.of(i);
    }
}
