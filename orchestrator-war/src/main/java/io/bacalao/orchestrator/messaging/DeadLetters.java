package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.ProtocolMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * What the orchestrator's inbox could not apply, counted since it started and shown by {@code agent debug}
 * (component {@code DeadLetters}): messages dead-lettered through their own fault, by type, the jobs those failed,
 * retries for want of a dependency (never dead-lettered), messages dropped unread (undecodable, or from a sender
 * that may not speak for their node), and what reached {@code bacalao.dlq} from the broker. The same counts are
 * MicroProfile Metrics gauges of the application scope ({@code GET /metrics?scope=application}):
 * {@code bacalao_inbox_poisoned}, {@code bacalao_inbox_jobs_failed}, {@code bacalao_inbox_dependency_retries},
 * {@code bacalao_inbox_dropped}, {@code bacalao_dlq_received}.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());
    /** Payara's registry producer needs an injection point: looked up through this one, not CDI.current(). */
    @Inject
    Instance<MetricRegistry> registries;
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

    /** Registers the counts as gauges with the runtime's MicroProfile Metrics, when it has them. */
    void publishMetrics() {
        try {
            if (!registries.isResolvable()) {
                LOG.info("no MicroProfile Metrics registry: the inbox's dead-letter counts are in agent debug only");
                return;
            }
            MetricRegistry r = registries.get();
            r.gauge("bacalao.inbox.poisoned", this, DeadLetters::poisonedTotal);
            r.gauge("bacalao.inbox.jobs.failed", jobsFailed, LongAdder::sum);
            r.gauge("bacalao.inbox.dependency.retries", dependencyRetries, LongAdder::sum);
            r.gauge("bacalao.inbox.dropped", dropped, LongAdder::sum);
            r.gauge("bacalao.dlq.received", fromBroker, LongAdder::sum);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "the inbox's dead-letter counts are not published as metrics: " + e, e);
        }
    }

    private long poisonedTotal() {
        return poisoned.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The counts, for {@code agent debug}. */
    public Map<String, Object> snapshot() {
        Map<String, Long> byType = new TreeMap<>();
        poisoned.forEach((type, n) -> byType.put(type, n.sum()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Poisoned", poisonedTotal());
        out.put("PoisonedByType", byType);
        out.put("JobsFailed", jobsFailed.sum());
        out.put("DependencyRetries", dependencyRetries.sum());
        out.put("Dropped", dropped.sum());
        out.put("FromBroker", fromBroker.sum());
        return out;
    }
}
