package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the orchestrator's inbox could not apply, counted since it started and shown by {@code agent debug}
 * (component {@code DeadLetters}): messages dead-lettered through their own fault, by type, the jobs those failed,
 * retries for want of a dependency (never dead-lettered), messages dropped unread (undecodable, or from a sender
 * that may not speak for their node), and what reached {@code bacalao.dlq} from the broker.
 */
@ApplicationScoped
public class DeadLetters {
    private final Map<String, LongAdder> poisoned = new ConcurrentHashMap<>();
    private final LongAdder jobsFailed = new LongAdder();
    private final LongAdder dependencyRetries = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder fromBroker = new LongAdder();

    /**
     * The failure a job ends with when a report about it was dead-lettered ({@code deliveries} attempts, all while
     * the job store was ready), in the words of Bacalhau's job failures.
     */
    static String reason(String type, ProtocolMessage report, String executionId, int deliveries, String error) {
        return "Job failed because a " + type + " report from node " + report.nodeId() + " about execution "
                + executionId + " could not be processed after " + deliveries + " attempts: " + error;
    }

    void poisoned(String type, boolean jobFailed) {
        poisoned.computeIfAbsent(type, t -> new LongAdder()).increment();
        if (jobFailed) jobsFailed.increment();
    }

    void dependencyRetry() {
        dependencyRetries.increment();
    }

    void dropped() {
        dropped.increment();
    }

    void fromBroker() {
        fromBroker.increment();
    }

    /** The counts, for {@code agent debug}. */
    public Map<String, Object> snapshot() {
        Map<String, Long> byType = new TreeMap<>();
        poisoned.forEach((type, n) -> byType.put(type, n.sum()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Poisoned", byType.values().stream().mapToLong(Long::longValue).sum());
        out.put("PoisonedByType", byType);
        out.put("JobsFailed", jobsFailed.sum());
        out.put("DependencyRetries", dependencyRetries.sum());
        out.put("Dropped", dropped.sum());
        out.put("FromBroker", fromBroker.sum());
        return out;
    }
}
