package io.bacalao.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Every execution the simulated nodes ran to completion, in the order they completed: the witness of "exactly
 * once". A node runs an execution ID at most once whatever the orchestrator repeats (it answers a repeated
 * {@code BidAccepted} with its result again); two runs of the same job partition mean the orchestrator placed it
 * twice and both copies completed.
 */
public final class RunLedger {
    private final Queue<SimulatedRun> runs = new ConcurrentLinkedQueue<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong repeatedRequests = new AtomicLong();
    private final AtomicLong latestHeartbeatMillis = new AtomicLong();
    private volatile Consumer<SimulatedRun> listener = r -> {
    };

    void record(SimulatedRun run) {
        runs.add(run);
        count.incrementAndGet();
        listener.accept(run);
    }

    /** Counts a request about an execution the node had already taken (a redelivery or a re-send). */
    void repeated() {
        repeatedRequests.incrementAndGet();
    }

    /** Records how late a node sent a heartbeat (after its schedule), e.g. because the broker was slow to take sends. */
    void heartbeatSent(long lateMillis) {
        latestHeartbeatMillis.accumulateAndGet(lateMillis, Math::max);
    }

    /** The most any node's heartbeat was sent after its schedule, in milliseconds. */
    public long latestHeartbeatMillis() {
        return latestHeartbeatMillis.get();
    }

    /** Called for each completed run, on the thread that completed it (keep it short); replaces any previous one. */
    public void onRun(Consumer<SimulatedRun> l) {
        listener = l == null ? r -> {
        } : l;
    }

    public long count() {
        return count.get();
    }

    /** How many requests repeated one the nodes had already answered (at-least-once delivery at work). */
    public long repeatedRequests() {
        return repeatedRequests.get();
    }

    public List<SimulatedRun> runs() {
        return new ArrayList<>(runs);
    }

    /** The runs of one job, in completion order. */
    public List<SimulatedRun> runsOf(String jobId) {
        return runs.stream().filter(r -> r.jobId().equals(jobId)).toList();
    }

    /** Job partitions that completed more than once ({@code <jobId>/<partition>} → its runs); empty when none. */
    public Map<String, List<SimulatedRun>> partitionsRunTwice() {
        return runs.stream().collect(Collectors.groupingBy(SimulatedRun::partitionKey, LinkedHashMap::new,
                        Collectors.toList())).entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
