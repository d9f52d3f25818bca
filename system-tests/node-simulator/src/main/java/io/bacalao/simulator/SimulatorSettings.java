package io.bacalao.simulator;

import io.bacalao.domain.model.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link NodeSimulator} joins and behaves.
 *
 * @param brokerUrl         the orchestrator's broker, as a compute node's {@code Compute.Orchestrators} entry:
 *                          {@code tcp://host:port}, {@code nats://host:port} or {@code host:port}
 * @param token             the join token ({@code Compute.Auth.Token}; empty when the broker has none)
 * @param nodes             how many compute nodes to simulate (1–10,000, the broker's binding limit)
 * @param idPrefix          node IDs are {@code <idPrefix>-<index from 1, 4 digits>}; the broker binds each ID to its
 *                          first secret, so a prefix is used by one simulator only (the default is random)
 * @param runTime           how long each execution "runs" before it completes; zero completes it in the handler
 * @param runningAfter      a run that lasts at least this long is reported Running first, and a pre-approved one its
 *                          bid (zero: every run); a compute node's {@code Compute.Executions.RunningReportDelay}
 * @param heartbeatInterval {@code Compute.Heartbeat.Interval}
 * @param infoInterval      {@code Compute.Heartbeat.InfoUpdateInterval}; node info also goes out, at most once a
 *                          second, when the node's running executions changed (as a real node does)
 * @param capacity          each node's maximum capacity
 * @param engines           the engines each node offers (only these are accepted)
 * @param labels            extra labels of every node (each node also has {@code name}, {@code os_type},
 *                          {@code os_arch} and {@code simulated=true})
 * @param timerThreads      threads shared by every node for heartbeats, handshakes and delayed completions
 */
public record SimulatorSettings(String brokerUrl, String token, int nodes, String idPrefix, Duration runTime,
                                Duration runningAfter, Duration heartbeatInterval, Duration infoInterval,
                                Resources capacity, List<String> engines, Map<String, String> labels,
                                int timerThreads) {
    /** The most nodes one simulator runs: the broker binds at most 10,000 node IDs (docs/broker-security.md). */
    public static final int MAX_NODES = 10_000;

    public SimulatorSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        token = token == null ? "" : token;
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes must be 1.." + MAX_NODES + ", not " + nodes);
        }
        if (idPrefix == null || !idPrefix.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("idPrefix must be 1-100 characters of A-Z a-z 0-9 . _ -, not " + idPrefix);
        }
        requireNonNegative("runTime", runTime);
        requireNonNegative("runningAfter", runningAfter);
        requirePositive("heartbeatInterval", heartbeatInterval);
        requirePositive("infoInterval", infoInterval);
        capacity = capacity == null ? Resources.of(8, 16_000_000_000L, 100_000_000_000L, 0) : capacity;
        engines = engines == null || engines.isEmpty() ? List.of("noop") : List.copyOf(engines);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (timerThreads < 1) throw new IllegalArgumentException("timerThreads must be at least 1, not " + timerThreads);
    }

    /**
     * {@code nodes} noop nodes on {@code brokerUrl} with a real node's defaults (heartbeat 15 s, node info 60 s, Running
     * reported after 100 ms), runs that complete at once, a random ID prefix and a timer thread for every 5 nodes (2 to 16).
     */
    public static SimulatorSettings of(String brokerUrl, String token, int nodes) {
        String prefix = "sim-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        return new SimulatorSettings(brokerUrl, token, nodes, prefix, Duration.ZERO, Duration.ofMillis(100),
                Duration.ofSeconds(15), Duration.ofSeconds(60), null, null, null, timerThreadsFor(nodes));
    }

    /**
     * Timer threads for a simulator of this many nodes. A completion or a tick that sends waits on its node's link
     * while the broker answers; with 2 threads for 20 nodes under load both were seen waiting on one busy node's
     * link for seconds, so no other node sent a heartbeat and live nodes were declared gone.
     */
    static int timerThreadsFor(int nodes) {
        return Math.clamp(nodes / 5, 2, 16);
    }

    public SimulatorSettings withRunTime(Duration d) {
        return new SimulatorSettings(brokerUrl, token, nodes, idPrefix, d, runningAfter, heartbeatInterval, infoInterval,
                capacity, engines, labels, timerThreads);
    }

    public SimulatorSettings withRunningAfter(Duration d) {
        return new SimulatorSettings(brokerUrl, token, nodes, idPrefix, runTime, d, heartbeatInterval, infoInterval,
                capacity, engines, labels, timerThreads);
    }

    public SimulatorSettings withIntervals(Duration heartbeat, Duration info) {
        return new SimulatorSettings(brokerUrl, token, nodes, idPrefix, runTime, runningAfter, heartbeat, info,
                capacity, engines, labels, timerThreads);
    }

    public SimulatorSettings withIdPrefix(String prefix) {
        return new SimulatorSettings(brokerUrl, token, nodes, prefix, runTime, runningAfter, heartbeatInterval,
                infoInterval, capacity, engines, labels, timerThreads);
    }

    public SimulatorSettings withLabels(Map<String, String> l) {
        return new SimulatorSettings(brokerUrl, token, nodes, idPrefix, runTime, runningAfter, heartbeatInterval,
                infoInterval, capacity, engines, l, timerThreads);
    }

    public SimulatorSettings withCapacity(Resources max) {
        return new SimulatorSettings(brokerUrl, token, nodes, idPrefix, runTime, runningAfter, heartbeatInterval,
                infoInterval, max, engines, labels, timerThreads);
    }

    /** The broker URL in Artemis' form: {@code nats://} and bare {@code host:port} become {@code tcp://}. */
    public String artemisUrl() {
        String u = brokerUrl.trim();
        if (u.startsWith("nats://")) return "tcp://" + u.substring("nats://".length());
        return u.contains("://") ? u : "tcp://" + u;
    }

    /** The ID of node {@code index} (from 1). */
    public String nodeId(int index) {
        return String.format("%s-%04d", idPrefix, index);
    }

    private static void requireNonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(name + " must be zero or more, not " + d);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, not " + d);
    }
}
