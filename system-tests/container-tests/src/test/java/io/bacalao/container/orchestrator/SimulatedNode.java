package io.bacalao.container.orchestrator;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.broker.client.BrokerEndpoint;
import io.bacalao.container.support.ProtocolInbox;
import io.bacalao.container.support.Waits;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A compute node played by the test over the orchestrator's real broker: it introduces itself with a handshake
 * (its node info offers the noop engine, 4 CPU), reads its own queue {@code bacalao.compute.<id>} as a node does,
 * and answers with protocol messages sent to the orchestrator's inbox. It logs in as the orchestrator user (the
 * test runs inside the orchestrator), which the inbox accepts as it does a hybrid node's compute side. No
 * heartbeats: the test profile's disconnect timeout outlasts the class.
 */
final class SimulatedNode implements AutoCloseable {
    static final Resources CAPACITY = Resources.of(4, 8_000_000_000L, 50_000_000_000L, 0);

    private final String id;
    private final BrokerClient broker;
    private final ProtocolInbox inbox;
    private final List<ProtocolMessage> received;

    private SimulatedNode(String id, BrokerClient broker) {
        this.id = id;
        this.broker = broker;
        this.inbox = new ProtocolInbox(broker.subscribe(Addresses.computeQueue(id)), id + "'s queue");
        this.received = inbox.received();
    }

    /** Connects to the broker of this orchestrator and joins; returns once the orchestrator accepted the node. */
    static SimulatedNode join(int number) {
        String id = String.format("n-%08d-0000-4000-8000-00000000c0de", number);
        SimulatedNode node = new SimulatedNode(id, new BrokerClient(new BrokerEndpoint(
                System.getProperty("bacalao.broker.url"), System.getProperty("bacalao.broker.user"),
                System.getProperty("bacalao.broker.password"))));
        node.say(new HandshakeRequest(id, node.info(), false, System.currentTimeMillis()));
        HandshakeResponse answer = node.expect(HandshakeResponse.class, r -> true);
        if (!answer.accepted()) throw new AssertionError("the orchestrator refused " + id + ": " + answer.reason());
        return node;
    }

    String id() {
        return id;
    }

    /** Handshakes again as a node that registered before does after a restart; returns once it is accepted. */
    void rejoins() {
        HandshakeResponse before = expect(HandshakeResponse.class, r -> true);
        say(new HandshakeRequest(id, info(), true, System.currentTimeMillis()));
        HandshakeResponse answer = expect(HandshakeResponse.class, r -> r != before);
        if (!answer.accepted()) throw new AssertionError("the orchestrator refused " + id + " again: " + answer.reason());
    }

    /** The failure a node answers for an execution it does not know (lost with its data). */
    ComputeError unknown(String executionId, String jobId) {
        String msg = "execution " + executionId + " is unknown to node " + id;
        return new ComputeError(id, executionId, jobId, msg, List.of(Event.error(EventTopics.EXECUTION, msg, Instant.now())));
    }

    private NodeInfo info() {
        ComputeNodeInfo compute = new ComputeNodeInfo(List.of("noop"), List.of("noop", "local"), List.of("inline"),
                CAPACITY, Resources.ZERO, CAPACITY, CAPACITY, 0, 0, "");
        return new NodeInfo(id, NodeType.Compute, Map.of(), List.of("bacalao/v1"), compute, BuildVersion.current());
    }

    /** Sends a message to the orchestrator's inbox, as a node does. */
    void say(ProtocolMessage m) {
        broker.send(Addresses.ORCHESTRATOR, ProtocolCodec.encode(m), Map.of(ProtocolMessage.TYPE_PROPERTY,
                ProtocolCodec.typeOf(m)));
    }

    /** The next message of this type that matches, waiting for it; every message read is kept ({@link #received}). */
    <T extends ProtocolMessage> T expect(Class<T> type, Predicate<T> matching) {
        for (ProtocolMessage m : received) {
            if (type.isInstance(m) && matching.test(type.cast(m))) return type.cast(m);
        }
        Instant deadline = Instant.now().plus(Waits.DEFAULT);
        while (Instant.now().isBefore(deadline)) {
            ProtocolMessage m = next(200);
            if (m != null && type.isInstance(m) && matching.test(type.cast(m))) return type.cast(m);
        }
        throw new AssertionError("node " + id + " got no " + type.getSimpleName() + " in " + Waits.DEFAULT.toSeconds()
                + "s; it got " + received);
    }

    /** The bid request for one of the job's executions. */
    AskForBid askedToBid(String jobId) {
        return expect(AskForBid.class, a -> a.execution().jobId().equals(jobId));
    }

    /** Reads what arrived until {@code quiet} passes without a message; returns everything read so far. */
    List<ProtocolMessage> drain(Duration quiet) {
        while (next(quiet.toMillis()) != null) {
            // keep reading
        }
        return List.copyOf(received);
    }

    List<ProtocolMessage> received() {
        return List.copyOf(received);
    }

    /**
     * Runs the job's execution to completion as a node does: accepts the bid, waits for the approval unless the
     * request came pre-approved, reports the result. Returns the execution ID.
     */
    String runsToCompletion(String jobId) {
        AskForBid ask = askedToBid(jobId);
        String executionId = ask.execution().id();
        say(bid(ask, true));
        if (!ask.preApproved()) expect(BidAccepted.class, b -> b.executionId().equals(executionId));
        say(completed(executionId, jobId));
        return executionId;
    }

    BidResult bid(AskForBid ask, boolean accepted) {
        return new BidResult(id, ask.execution().id(), ask.execution().jobId(), accepted, ask.preApproved() && accepted,
                accepted ? "" : "rejected bid: the test said no", null, List.of());
    }

    RunResult completed(String executionId, String jobId) {
        return new RunResult(id, executionId, jobId, SpecConfig.of(""), RunOutput.EMPTY,
                List.of(Event.of(EventTopics.EXECUTION, EventTopics.COMPLETED_SUCCESSFULLY, Instant.now())));
    }

    private ProtocolMessage next(long timeoutMillis) {
        return inbox.next(timeoutMillis);
    }

    @Override
    public void close() {
        inbox.close();
        broker.close();
    }
}
