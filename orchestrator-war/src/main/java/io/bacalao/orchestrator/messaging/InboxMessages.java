package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What compute nodes send the orchestrator, as read from its inbox. A node speaks only for itself: a message whose
 * {@code NodeID} is not the broker user that sent it (Artemis' {@code _AMQ_VALIDATED_USER}) is dropped, so a node
 * holding the join token cannot heartbeat, bid or report for another node.
 */
final class InboxMessages {
    private static final Logger LOG = Logger.getLogger(InboxMessages.class.getName());
    /** Set by the broker on every message (populate-validated-user): who logged in to send it. */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";
    /** The orchestrator's broker user (a hybrid node's compute side sends as it; so do the inbox's own retries). */
    static final String ORCHESTRATOR_USER = "bacalao-orchestrator";

    private InboxMessages() {
    }

    /** The message, or null (logged) when it cannot be read or its sender may not speak for its node. */
    static ProtocolMessage decode(Message message) {
        ProtocolMessage m;
        try {
            m = ProtocolCodec.decode(message.getStringProperty(ProtocolMessage.TYPE_PROPERTY),
                    ((TextMessage) message).getText());
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropping an unreadable message from a compute node", e);
            return null;
        }
        String sender = validatedUser(message);
        if (!maySpeakFor(sender, m.nodeId())) {
            LOG.warning(() -> "dropping a " + m.getClass().getSimpleName() + " for node " + m.nodeId()
                    + " sent by broker user " + sender + ": a node may speak only for itself");
            return null;
        }
        return m;
    }

    /** True when the broker user {@code sender} may send a message about {@code nodeId}. */
    static boolean maySpeakFor(String sender, String nodeId) {
        return sender != null && (sender.equals(ORCHESTRATOR_USER) || sender.equals(nodeId));
    }

    /**
     * The job a report about an execution concerns, or null for node messages (handshake, heartbeat, node info,
     * shutdown), which are not job state and are handled outside a batch's transaction.
     */
    static String reportJobId(ProtocolMessage m) {
        return switch (m) {
            case BidResult r -> nonNull(r.jobId());
            case RunResult r -> nonNull(r.jobId());
            case ComputeError r -> nonNull(r.jobId());
            case ExecutionProgress r -> nonNull(r.jobId());
            default -> null;
        };
    }

    /** The execution a report is about, or null for node messages. */
    static String reportExecutionId(ProtocolMessage m) {
        return switch (m) {
            case BidResult r -> r.executionId();
            case RunResult r -> r.executionId();
            case ComputeError r -> r.executionId();
            case ExecutionProgress r -> r.executionId();
            default -> null;
        };
    }

    private static String nonNull(String jobId) {
        return jobId == null ? "" : jobId;
    }

    private static String validatedUser(Message message) {
        try {
            return message.getStringProperty(VALIDATED_USER);
        } catch (JMSException e) {
            return null;
        }
    }
}
