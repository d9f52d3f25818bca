package io.bacalao.broker;

/**
 * The broker addresses Bacalao uses. All are anycast queues except {@link #NODE_EVENTS}.
 * <ul>
 *   <li>{@link #ORCHESTRATOR}: everything compute nodes send (handshakes, heartbeats, bids, results).</li>
 *   <li>{@link #EVALUATIONS}: evaluations to schedule, grouped by job ID so one job is evaluated at a time.</li>
 *   <li>{@code bacalao.compute.<nodeId>}: what the orchestrator sends one compute node.</li>
 *   <li>{@link #NODE_EVENTS}: membership and connection changes, for any subscriber (a multicast topic).</li>
 * </ul>
 */
public final class Addresses {
    public static final String ORCHESTRATOR = "bacalao.orchestrator";
    public static final String EVALUATIONS = "bacalao.evaluations";
    public static final String COMPUTE_PREFIX = "bacalao.compute.";
    /** Prefix of the short-lived queue a node streams one execution's log to. */
    public static final String LOGS_PREFIX = "bacalao.logs.";
    public static final String NODE_EVENTS = "bacalao.events.nodes";
    public static final String DEAD_LETTERS = "bacalao.dlq";
    public static final String EXPIRED = "bacalao.expired";

    private Addresses() {
    }

    public static String computeQueue(String nodeId) {
        return COMPUTE_PREFIX + nodeId;
    }

    public static String logQueue(String streamId) {
        return LOGS_PREFIX + streamId;
    }
}
