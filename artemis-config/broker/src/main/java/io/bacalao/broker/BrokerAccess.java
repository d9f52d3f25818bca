package io.bacalao.broker;

import org.apache.activemq.artemis.core.security.CheckType;

/**
 * Who may do what on the broker. Three kinds of identity:
 * <ul>
 *   <li>the orchestrator ({@link TokenSecurityManager#ORCHESTRATOR_USER}, its own password): everything;</li>
 *   <li>compute node {@code X} (user {@code X}, the join token and X's own secret): consume (and create) only its
 *       queue {@code bacalao.compute.X}, send only to the orchestrator's inbox {@code bacalao.orchestrator} and to
 *       its own log streams {@code bacalao.logs.X.<stream>}, subscribe to node events;</li>
 *   <li>an observer ({@code observer:<name>}, the join token alone): subscribe to node events, nothing else.</li>
 * </ul>
 * Nothing else is allowed: no management address, no other node's queue, no queue or address created elsewhere.
 * {@code target} is what Artemis checks: an address, or {@code address::queue} when a queue is involved.
 */
public final class BrokerAccess {
    /** The kinds of identity a connection can have; {@code name} is the node ID or user name. */
    public enum Kind { ORCHESTRATOR, NODE, OBSERVER }

    public record Identity(Kind kind, String name) {
    }

    private BrokerAccess() {
    }

    public static boolean allows(Identity who, CheckType type, String target) {
        if (who == null || type == null || target == null) return false;
        if (who.kind() == Kind.ORCHESTRATOR) return true;
        int sep = target.indexOf("::");
        String address = sep < 0 ? target : target.substring(0, sep);
        String queue = sep < 0 ? null : target.substring(sep + 2);
        if (subscribesToNodeEvents(type, address, queue)) return true;
        if (who.kind() != Kind.NODE) return false;
        String own = Addresses.computeQueue(who.name());
        if (address.equals(own) && (queue == null || queue.equals(own))) {
            return type == CheckType.CONSUME || type == CheckType.BROWSE
                    || type == CheckType.CREATE_ADDRESS || type == CheckType.CREATE_DURABLE_QUEUE;
        }
        if (type != CheckType.SEND || queue != null) return false;
        return address.equals(Addresses.ORCHESTRATOR) || address.equals(Addresses.LIVENESS) || isOwnLogStream(who.name(), address);
    }

    /**
     * A topic subscription on node events: its queue may not take a {@code bacalao.} name, so that no one can
     * squat the name of a queue Bacalao creates later (a node's queue that does not exist yet).
     */
    private static boolean subscribesToNodeEvents(CheckType type, String address, String queue) {
        if (!address.equals(Addresses.NODE_EVENTS)) return false;
        boolean subscriptionQueue = queue != null && !queue.startsWith("bacalao.");
        return switch (type) {
            case CONSUME, CREATE_NON_DURABLE_QUEUE, DELETE_NON_DURABLE_QUEUE, CREATE_DURABLE_QUEUE,
                 DELETE_DURABLE_QUEUE -> subscriptionQueue;
            default -> false;
        };
    }

    /** {@code bacalao.logs.<nodeId>.<stream>} with a stream ID without dots (so node "a" is not node "a.b"). */
    private static boolean isOwnLogStream(String nodeId, String address) {
        String prefix = Addresses.LOGS_PREFIX + nodeId + ".";
        if (!address.startsWith(prefix)) return false;
        String stream = address.substring(prefix.length());
        return !stream.isEmpty() && stream.indexOf('.') < 0;
    }
}
