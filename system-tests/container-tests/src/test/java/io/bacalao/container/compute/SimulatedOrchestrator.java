package io.bacalao.container.compute;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.client.BrokerClient;
import io.bacalao.broker.client.BrokerEndpoint;
import io.bacalao.container.support.ProtocolInbox;
import io.bacalao.container.support.ThreadDump;
import io.bacalao.container.support.Waits;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.CancelExecution;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.spec.JobReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The orchestrator, played by the test on the compute node's broker (the node under test runs its own broker.war
 * and logs in as the orchestrator user, as a hybrid node does; the node through a relay the test can cut, the
 * orchestrator directly): reads the orchestrator's inbox, where the node
 * reports, accepts the node's handshakes, and sends the node protocol messages on its queue.
 */
final class SimulatedOrchestrator implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final String nodeId = System.getProperty("bacalao.node.id");
    private final BrokerClient broker = new BrokerClient(new BrokerEndpoint(System.getProperty("bacalao.it.broker.url"),
            System.getProperty("bacalao.broker.user"), System.getProperty("bacalao.broker.password")));
    private final ProtocolInbox inbox = new ProtocolInbox(broker.subscribe(Addresses.ORCHESTRATOR), "the orchestrator's inbox");
    private final List<ProtocolMessage> received = inbox.received();
    /** Where the node under test stands, for the message of an expect that waited in vain. */
    private volatile Supplier<String> nodeState = () -> "";

    static String noopJob() {
        return job("{\"Type\":\"noop\"}");
    }

    /** A noop job whose (empty) results the node publishes with its local publisher. */
    static String locallyPublishedJob() {
        return job("{\"Type\":\"noop\"},\"Publisher\":{\"Type\":\"local\"}");
    }

    /** A noop job whose one input is not a data URL: it fails as soon as its inputs are prepared. */
    static String jobWithABadInput() {
        return job("{\"Type\":\"noop\"},\"InputSources\":[{\"Source\":{\"Type\":\"inline\","
                + "\"Params\":{\"URL\":\"not a data URL\"}},\"Target\":\"/inputs/bad\"}]");
    }

    /** Runs until cancelled (the offline test image of system-tests/scripts/build-test-images.sh). */
    static String sleepingJob() {
        return job("{\"Type\":\"docker\",\"Params\":{\"Image\":\"local/busybox:latest\",\"Entrypoint\":[\"sleep\",\"600\"]}}");
    }

    /** A batch job of one task on {@code engine} that takes the node's whole CPU (1 in the test profile). */
    private static String job(String engine) {
        return "{\"Name\":\"compute-" + NAMES.incrementAndGet() + "\",\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{"
                + "\"Name\":\"main\",\"Engine\":" + engine + ",\"Resources\":{\"CPU\":\"1\"}}]}";
    }

    /** Tells a failed {@link #expect} what to add about the node (e.g. its outbox). */
    void describeNodeWith(Supplier<String> state) {
        nodeState = state;
    }

    String nodeId() {
        return nodeId;
    }

    /** Sends a message to the node's queue, as the orchestrator does. */
    void send(ProtocolMessage m) {
        broker.send(Addresses.computeQueue(m.nodeId()), ProtocolCodec.encode(m),
                Map.of(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(m)));
    }

    /** Accepts the node's next handshake (it retries until answered). */
    void acceptJoin() {
        expect(HandshakeRequest.class, h -> h.nodeId().equals(nodeId));
        send(new HandshakeResponse(nodeId, true, "APPROVED", ""));
    }

    /**
     * A pre-approved request to run the job (the node runs it as soon as it accepts and has room), for a new
     * execution of the job on the node under test, allocated what its task asks for (as the orchestrator does;
     * the node's queue counts the allocation).
     */
    AskForBid runRequest(String jobSpecJson) {
        return runRequest(jobSpecJson, Ids.newExecutionId());
    }

    /** As {@link #runRequest(String)}, for an execution ID the test chooses (one that outlives a node restart). */
    AskForBid runRequest(String jobSpecJson, String executionId) {
        Job job = JobReader.readFile(jobSpecJson).withId(Ids.newJobId());
        long now = Instant.now().getEpochSecond() * 1_000_000_000L;
        Execution e = Execution.create(executionId, job, nodeId, Ids.newEvaluationId(), 0,
                DesiredState.of(DesiredStateType.Running, ""), AllocatedResources.of("main", Resources.parse(job.task().resources())), now)
                .withJob(job);
        return new AskForBid(nodeId, e, true);
    }

    CancelExecution cancel(AskForBid ask) {
        return new CancelExecution(nodeId, ask.execution().id(), ask.execution().jobId(), "cancelled by the test");
    }

    /** The next report of this type that matches, waiting for it; every report read is kept ({@link #received}). */
    <T extends ProtocolMessage> T expect(Class<T> type, Predicate<T> matching) {
        for (ProtocolMessage m : received) {
            if (type.isInstance(m) && matching.test(type.cast(m))) return type.cast(m);
        }
        Instant deadline = Instant.now().plus(Waits.DEFAULT);
        while (Instant.now().isBefore(deadline)) {
            ProtocolMessage m = next();
            if (m != null && type.isInstance(m) && matching.test(type.cast(m))) return type.cast(m);
        }
        throw new AssertionError("no " + type.getSimpleName() + " from the node in " + Waits.DEFAULT.toSeconds()
                + "s; it sent " + received + "\n" + nodeState.get() + "\nthe node's threads now:\n"
                + ThreadDump.of("io.bacalao.compute."));
    }

    /** How many reports of this type about the execution have arrived so far. */
    <T extends ProtocolMessage> long count(Class<T> type, String executionId, Predicate<T> matching) {
        // reads what has arrived first: reports come in the order the node stored them, which concurrent
        // handling of its inbox may make another than the requests' (a count must not depend on an expect's luck)
        while (next() != null) {
            // kept in received
        }
        return received.stream().filter(type::isInstance).map(type::cast)
                .filter(m -> executionId.equals(executionIdOf(m)) && matching.test(m)).count();
    }

    /** The types of the reports about the execution that have arrived so far, in their order. */
    List<String> reportTypes(String executionId) {
        while (next() != null) {
            // kept in received
        }
        return received.stream().filter(m -> executionId.equals(executionIdOf(m)))
                .map(m -> m.getClass().getSimpleName()).toList();
    }

    /** The states of the progress reports about the execution read so far (by an expect), in their order. */
    List<ExecutionStateType> progressStates(String executionId) {
        return received.stream().filter(m -> m instanceof ExecutionProgress p && p.executionId().equals(executionId))
                .map(m -> ((ExecutionProgress) m).state()).toList();
    }

    private static String executionIdOf(ProtocolMessage m) {
        return switch (m) {
            case io.bacalao.domain.protocol.BidResult r -> r.executionId();
            case io.bacalao.domain.protocol.RunResult r -> r.executionId();
            case io.bacalao.domain.protocol.ComputeError r -> r.executionId();
            case io.bacalao.domain.protocol.ExecutionProgress r -> r.executionId();
            default -> "";
        };
    }

    private ProtocolMessage next() {
        return inbox.next(200);
    }

    @Override
    public void close() {
        inbox.close();
        broker.close();
    }
}
