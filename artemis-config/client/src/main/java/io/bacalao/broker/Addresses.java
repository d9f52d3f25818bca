package io.bacalao.broker;

/**
 * The broker addresses Bacalao uses. All are anycast queues except {@link #NODE_EVENTS}.
 * <ul>
 *   <li>{@link #ORCHESTRATOR}: everything compute nodes send (handshakes, bids, results) except heartbeats.</li>
 *   <li>{@link #LIVENESS}: compute nodes' heartbeats, on their own queue and consumer so that a backlog of reports
 *   in {@link #ORCHESTRATOR} never delays them past the disconnect timeout.</li>
 *   <li>{@link #EVALUATIONS}: evaluations to schedule, grouped by job ID so one job is evaluated at a time.</li>
 *   <li>{@code bacalao.compute.<nodeId>}: what the orchestrator sends one compute node.</li>
 *   <li>{@link #NODE_EVENTS}: membership and connection changes, for any subscriber (a multicast topic).</li>
 * </ul>
 */
public final class Addresses {
    public static final String ORCHESTRATOR = "bacalao.orchestrator";
    public static final String LIVENESS = "bacalao.orchestrator.liveness";
    public static final String EVALUATIONS = "bacalao.evaluations";
    public static final String COMPUTE_PREFIX = "bacalao.compute.";
    /** Prefix of the short-lived queue a node streams one execution's log to. */
    public static final String LOGS_PREFIX = "bacalao.logs.";
    public static final String NODE_EVENTS = "bacalao.events.nodes";
    public static final String DEAD_LETTERS = "bacalao.dlq";
    public static final String EXPIRED = "bacalao.expired";
    /**
     * The orchestrator's control address (no queue): a message with {@link #NODE_ID_PROPERTY} frees that node ID's
     * binding to its secret on the broker (after {@code node delete}). Only the orchestrator may send here.
     */
    public static final String NODE_RELEASE = "bacalao.control.node-release";
    public static final String NODE_ID_PROPERTY = "NodeID";

    private Addresses() {
    }

    /**
     * The orchestrator's queue for a compute node's message of the given protocol type: heartbeats go to
     * {@link #LIVENESS}, everything else to {@link #ORCHESTRATOR} (whose consumer also still takes heartbeats).
     */
    public static String inboxOf(String messageType) {
        return HEARTBEAT_TYPE.equals(messageType) ? LIVENESS : ORCHESTRATOR;
    }

    /** The protocol type name of a heartbeat (the message's {@code Type} property). */
    static final String HEARTBEAT_TYPE = "Heartbeat";

    public static String computeQueue(String nodeId) {
        return COMPUTE_PREFIX + nodeId;
    }

    /**
     * A log stream's queue. {@code streamId} is {@code <nodeId>.<id without dots>}: the node may send only to its
     * own streams.
     */
    public static String logQueue(String streamId) {
        return LOGS_PREFIX + streamId;
    }
}
