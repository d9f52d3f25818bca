package io.bacalao.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.broker.Addresses;
import io.bacalao.broker.BrokerSettings;
import io.bacalao.broker.EmbeddedBroker;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.RunResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against a real embedded broker with Bacalao's security (node identities bound to their secrets):
 * joining, the bid/run/report exchange and its idempotence, the run ledger, reconnection after the broker went
 * away, and that 100 nodes do not need a thread each.
 */
class NodeSimulatorTest {
    static final String TOKEN = "join-token";
    static final String ORCHESTRATOR_PASSWORD = "o".repeat(64);
    @TempDir
    Path dir;
    EmbeddedBroker broker;
    int port;
    FakeOrchestratorInbox orchestrator;

    @BeforeEach
    void start() throws Exception {
        port = freePort();
        broker = startBroker();
        orchestrator = new FakeOrchestratorInbox(url(), ORCHESTRATOR_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        if (orchestrator != null) orchestrator.close();
        if (broker != null) broker.close();
    }

    /** Threads of the simulator and of the Artemis client it uses; the broker in this JVM names its own after itself. */
    private static long simulatorSideThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("node-simulator-") || n.contains("activemq-client"))
                .count();
    }

    private EmbeddedBroker startBroker() throws Exception {
        return new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), TOKEN,
                ORCHESTRATOR_PASSWORD, false, 3, null)).start();
    }

    private String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private SimulatorSettings settings(int nodes) {
        return SimulatorSettings.of("nats://127.0.0.1:" + port, TOKEN, nodes)
                .withIntervals(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void aHundredNodesJoinEachAsItselfWithoutAThreadEach() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(100))) {
            sim.awaitJoined(Duration.ofSeconds(60));
            long simulatorSide = simulatorSideThreads();
            // timers + Artemis' shared client pools (remoting: 3 per core, global: up to 8 per core, scheduled: 5),
            // never one per node. The embedded broker's own pools grow with its connections and are not counted.
            int bound = sim.settings().timerThreads() + 11 * Runtime.getRuntime().availableProcessors() + 5;
            assertTrue(simulatorSide <= bound, simulatorSide + " simulator-side threads for 100 nodes (bound " + bound + ")");
            assertEquals(100, orchestrator.handshakes().stream().map(HandshakeRequest::nodeId).distinct().count());
            HandshakeRequest h = orchestrator.handshakes().peek();
            assertFalse(h.registered(), "a new node says it never joined before");
            assertEquals("true", h.nodeInfo().labels().get("simulated"));
            assertTrue(h.nodeInfo().computeNodeInfo().supportsEngine("noop"));
            for (FakeOrchestratorInbox.Received r : orchestrator.drain()) {
                assertEquals(r.message().nodeId(), r.sender(), "the broker saw " + r.message() + " come from its node");
            }
        }
    }

    @Test
    void heartbeatsGoToTheLivenessQueueAndEverythingElseToTheInbox() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(2))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            List<FakeOrchestratorInbox.Received> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen.stream().filter(r -> r.message() instanceof Heartbeat).count() < 2 && System.nanoTime() < deadline) {
                FakeOrchestratorInbox.Received r = orchestrator.poll(Duration.ofMillis(100));
                if (r != null) seen.add(r);
            }
            assertTrue(seen.stream().anyMatch(r -> r.message() instanceof Heartbeat), "no heartbeat came within 20s");
            for (FakeOrchestratorInbox.Received r : seen) {
                String expected = r.message() instanceof Heartbeat ? Addresses.LIVENESS : Addresses.ORCHESTRATOR;
                assertEquals(expected, r.queue(), r.message().getClass().getSimpleName());
            }
        }
    }

    @Test
    void aBidThenAnApprovalRunsOnceAndRepeatedQuestionsGetTheSameAnswer() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(2).withRunningAfter(Duration.ZERO))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            String node = sim.nodeIds().get(0);
            Execution x = execution(node, "noop", 3);
            orchestrator.send(new AskForBid(node, x, false));
            BidResult bid = orchestrator.next(BidResult.class, b -> b.executionId().equals(x.id()));
            assertTrue(bid.accepted());
            assertFalse(bid.preApproved());
            assertEquals(0, sim.ledger().count(), "nothing runs before the approval");

            orchestrator.send(new AskForBid(node, x, false));
            assertTrue(orchestrator.next(BidResult.class, b -> b.executionId().equals(x.id())).accepted(), "asked again");

            orchestrator.send(new BidAccepted(node, x.id(), x.jobId()));
            ExecutionProgress running = orchestrator.next(ExecutionProgress.class, p -> p.executionId().equals(x.id()));
            assertEquals(ExecutionStateType.Running, running.state());
            RunResult result = orchestrator.next(RunResult.class, r -> r.executionId().equals(x.id()));
            assertEquals(0, result.output().exitCode());

            orchestrator.send(new BidAccepted(node, x.id(), x.jobId()));
            orchestrator.next(RunResult.class, r -> r.executionId().equals(x.id()));
            assertEquals(1, sim.ledger().count(), "a repeated approval is answered with the result, not run again");
            assertEquals(List.of(new SimulatedRun(node, x.jobId(), 3, x.id(), sim.ledger().runs().get(0).completedAt())),
                    sim.ledger().runs());
            assertTrue(sim.ledger().repeatedRequests() >= 2);
            assertTrue(sim.ledger().partitionsRunTwice().isEmpty());
        }
    }

    @Test
    void aPreApprovedExecutionRunsAtOnceAndAnotherEngineIsRefused() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(1).withRunTime(Duration.ofMillis(200)))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            String node = sim.nodeIds().get(0);
            Execution noop = execution(node, "noop", 0);
            orchestrator.send(new AskForBid(node, noop, true));
            BidResult bid = orchestrator.next(BidResult.class, b -> b.executionId().equals(noop.id()));
            assertTrue(bid.accepted() && bid.preApproved());
            orchestrator.next(RunResult.class, r -> r.executionId().equals(noop.id()));
            assertEquals(1, sim.ledger().runsOf(noop.jobId()).size());

            Execution docker = execution(node, "docker", 0);
            orchestrator.send(new AskForBid(node, docker, true));
            BidResult refused = orchestrator.next(BidResult.class, b -> b.executionId().equals(docker.id()));
            assertFalse(refused.accepted());
            assertTrue(refused.reason().contains("docker"), refused.reason());

            orchestrator.send(new BidAccepted(node, "e-unknown", "j-unknown"));
            ComputeError unknown = orchestrator.next(ComputeError.class, e -> e.executionId().equals("e-unknown"));
            assertTrue(unknown.message().contains("unknown"), unknown.message());
        }
    }

    /** As a compute node: a pre-approved run shorter than the Running delay reports its result and nothing else. */
    @Test
    void aShortPreApprovedRunReportsOnlyItsResult() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(1))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            Execution x = execution(sim.nodeIds().get(0), "noop", 0);
            orchestrator.send(new AskForBid(x.nodeId(), x, true));
            List<String> reports = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!reports.contains("RunResult") && System.nanoTime() < deadline) {
                FakeOrchestratorInbox.Received r = orchestrator.poll(Duration.ofMillis(100));
                if (r == null) continue;
                switch (r.message()) {
                    case BidResult b when b.executionId().equals(x.id()) -> reports.add("BidResult");
                    case ExecutionProgress p when p.executionId().equals(x.id()) -> reports.add("ExecutionProgress");
                    case RunResult done when done.executionId().equals(x.id()) -> reports.add("RunResult");
                    default -> {
                    }
                }
            }
            assertEquals(List.of("RunResult"), reports);
        }
    }

    @Test
    void aPreApprovedExecutionAskedAgainWhileItRunsAnswersWithItsBidAndRunsOnce() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(1).withRunTime(Duration.ofSeconds(2)))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            String node = sim.nodeIds().get(0);
            Execution x = execution(node, "noop", 0);
            orchestrator.send(new AskForBid(node, x, true));
            assertTrue(orchestrator.next(BidResult.class, b -> b.executionId().equals(x.id())).preApproved());
            orchestrator.send(new AskForBid(node, x, true));
            BidResult again = orchestrator.next(BidResult.class, b -> b.executionId().equals(x.id()));
            assertTrue(again.accepted() && again.preApproved(), "asked again: " + again);
            orchestrator.next(RunResult.class, r -> r.executionId().equals(x.id()));
            assertEquals(1, sim.ledger().runsOf(x.jobId()).size(), "asked again, it ran again");
            assertTrue(sim.ledger().repeatedRequests() >= 1);
        }
    }

    @Test
    void aNodeAskedWhereExecutionsStandAnswersWithTheResultAgainAndAFailureForOneItDoesNotKnow() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(1))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            String node = sim.nodeIds().get(0);
            Execution x = execution(node, "noop", 0);
            orchestrator.send(new AskForBid(node, x, true));
            orchestrator.next(RunResult.class, r -> r.executionId().equals(x.id()));

            orchestrator.send(new ExecutionStateRequest(node, "e-lost", "j-lost"));
            ComputeError lost = orchestrator.next(ComputeError.class, e -> e.executionId().equals("e-lost"));
            assertTrue(lost.message().contains("unknown to node"), lost.message());
            orchestrator.send(new ExecutionStateRequest(node, x.id(), x.jobId()));
            orchestrator.next(RunResult.class, r -> r.executionId().equals(x.id()));
            assertEquals(1, sim.ledger().runsOf(x.jobId()).size(), "asked where it stands, it ran again");
        }
    }

    @Test
    void theLedgerNamesAPartitionCompletedByTwoExecutions() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(2))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            Execution first = execution(sim.nodeIds().get(0), "noop", 1);
            Execution second = new Execution(UUID.randomUUID().toString(), "default", "", "", sim.nodeIds().get(1),
                    first.jobId(), first.job(), 1, first.allocatedResources(), first.desiredState(), null, null, null,
                    null, null, null, 1, 1, 0, 0);
            orchestrator.send(new AskForBid(first.nodeId(), first, true));
            orchestrator.send(new AskForBid(second.nodeId(), second, true));
            orchestrator.next(RunResult.class, r -> r.executionId().equals(first.id()) || r.executionId().equals(second.id()));
            orchestrator.next(RunResult.class, r -> r.executionId().equals(first.id()) || r.executionId().equals(second.id()));
            assertEquals(List.of(first.jobId() + "/1"), List.copyOf(sim.ledger().partitionsRunTwice().keySet()));
        }
    }

    @Test
    void nodesRejoinAsThemselvesAfterTheBrokerComesBack() throws Exception {
        try (NodeSimulator sim = NodeSimulator.start(settings(5))) {
            sim.awaitJoined(Duration.ofSeconds(30));
            orchestrator.close();
            broker.close();
            waitFor(() -> sim.joinedCount() == 0, "every node to notice the broker is gone");
            orchestrator.handshakes().clear();
            broker = startBroker();
            orchestrator = new FakeOrchestratorInbox(url(), ORCHESTRATOR_PASSWORD);
            sim.awaitJoined(Duration.ofSeconds(60));
            HandshakeRequest again = orchestrator.handshakes().poll(10, TimeUnit.SECONDS);
            assertTrue(again != null && again.registered(), "a node that joined before says so: " + again);

            String node = sim.nodeIds().get(4);
            Execution x = execution(node, "noop", 0);
            orchestrator.send(new AskForBid(node, x, true));
            orchestrator.next(RunResult.class, r -> r.executionId().equals(x.id()));
        }
    }

    static Execution execution(String nodeId, String engine, int partition) {
        String jobId = "j-" + UUID.randomUUID();
        Job job = new Job(jobId, jobId, "default", "batch", 0, partition + 1, List.of(), Map.of(), Map.of(),
                List.of(Task.of("main", SpecConfig.of(engine))), JobState.of(JobStateType.Pending), 1, 1, 0, 0);
        return Execution.create("e-" + UUID.randomUUID(), job, nodeId, "ev-1", partition,
                DesiredState.of(DesiredStateType.Running, ""),
                AllocatedResources.of("main", Resources.of(0.1, 100_000_000, 0, 0)), 0).withJob(job);
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
