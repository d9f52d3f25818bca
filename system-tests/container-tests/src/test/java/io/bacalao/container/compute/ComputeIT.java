package io.bacalao.container.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.run.RetentionTimer;
import io.bacalao.container.support.Deployments;
import io.bacalao.container.support.LinkRelay;
import io.bacalao.container.support.Waits;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.LogStreamCancel;
import io.bacalao.domain.protocol.LogStreamRequest;
import io.bacalao.domain.protocol.RunResult;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compute node's message handler, local queue and runner inside a real Payara Micro (the compute node's WAR)
 * with a real Artemis broker, H2 and dockerd, and its restart recovery. The node has 1 CPU
 * ({@code Compute.AllocatedCapacity.CPU}), so a second 1-CPU execution waits in the local queue. The test plays the
 * orchestrator ({@link SimulatedOrchestrator}) and drives the node through {@link ComputeNodeUnderTest}.
 *
 * <p>The steps run in order on one node: the test client starts it, the node's steps run inside it, the client
 * cuts the node's link to its broker ({@link LinkRelay}) while a run finishes, kills the node ({@code kill -9})
 * while another execution runs and starts it again on the same data with the link restored, and the last node
 * steps check the recovery. (One class, so that the node starts twice in all, not three times.)
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeIT {
    private static final String NODE = "compute-node";
    /** Chosen here, not by the node: the step after the restart has to find the same execution. */
    private static final String INTERRUPTED = "e-0000dead-0000-4000-8000-00000000beef";
    /** Finishes while the node cannot reach its broker, so its result is not delivered before the kill. */
    private static final String FINISHED_UNSENT = "e-0000f1ed-0000-4000-8000-00000000beef";
    /** The node's link to its broker (client side only). */
    private static LinkRelay link;
    private static SimulatedOrchestrator orchestrator;

    @Deployment(name = NODE, managed = false)
    @TargetsContainer("compute")
    static WebArchive deployment() {
        return Deployments.compute(ComputeIT.class, ComputeNodeUnderTest.class, SimulatedOrchestrator.class,
                LinkRelay.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Inject
    ComputeNodeUnderTest node;

    /** This node process's orchestrator, which accepts the node's handshake on first use. */
    private static synchronized SimulatedOrchestrator orchestrator() {
        if (orchestrator == null) {
            orchestrator = new SimulatedOrchestrator();
            ComputeNodeUnderTest node = CDI.current().select(ComputeNodeUnderTest.class).get();
            orchestrator.describeNodeWith(() -> "the node's outbox: " + node.outboxState());
            orchestrator.acceptJoin();
        }
        return orchestrator;
    }

    private ExecutionStateType awaitState(String executionId, ExecutionStateType state) {
        return Waits.until("execution " + executionId + " " + state, () -> node.state(executionId)
                .filter(s -> s == state).orElse(null));
    }

    @Test
    @Order(1)
    @RunAsClient
    void nodeStarts() {
        start();
    }

    /**
     * A run request delivered twice runs once, and each delivery is answered at most once. What the node reports
     * depends on when it handles the second delivery, so the counts are bounds, not exact: handled at once, the
     * second finds the first's row and answers with nothing more; handled while the execution waits or runs, it
     * gets the bid (and the Running state); handled after the end, the result. The bid held back for a short run
     * (messaging.HeldBids) is reported only if the run outlasts {@code Compute.Executions.RunningReportDelay}
     * before an answer has reported it, which a first run on a cold node can.
     */
    @Test
    @Order(2)
    @OperateOnDeployment(NODE)
    void runRequestDeliveredTwiceRunsOnce() {
        SimulatedOrchestrator o = orchestrator();
        AskForBid ask = o.runRequest(SimulatedOrchestrator.noopJob());
        String id = ask.execution().id();
        o.send(ask);
        o.send(ask);

        RunResult result = o.expect(RunResult.class, r -> r.executionId().equals(id));
        assertEquals(0, result.output().exitCode());
        awaitState(id, ExecutionStateType.Completed);
        node.handle(ask);
        assertEquals(ExecutionStateType.Completed, node.state(id).orElseThrow(), "asked again after it finished");
        o.expect(RunResult.class, r -> r.executionId().equals(id) && r != result);
        assertEquals(0, o.count(BidResult.class, id, b -> !b.accepted()), "a repeated request was refused");
        // the held bid or the answer to the second delivery; the third, after the end, gets the result
        assertTrue(o.count(BidResult.class, id, BidResult::accepted) <= 2, "the node bid more than once per request");
        // the run's own report once it lasted the delay, the answer to a second delivery that found it running
        assertTrue(o.count(ExecutionProgress.class, id, p -> p.state() == ExecutionStateType.Running) <= 2,
                "the execution started more than once");
    }

    /**
     * A pre-approved run that fails reports its bid, then its failure, however soon it fails: a ComputeError does
     * not tell the orchestrator that the node had accepted (messaging.HeldBids).
     */
    @Test
    @Order(2)
    @OperateOnDeployment(NODE)
    void aPreApprovedRunThatFailsReportsItsBidFirst() {
        SimulatedOrchestrator o = orchestrator();
        AskForBid ask = o.runRequest(SimulatedOrchestrator.jobWithABadInput());
        String id = ask.execution().id();
        o.send(ask);
        ComputeError failed = o.expect(ComputeError.class, e -> e.executionId().equals(id));
        assertTrue(failed.message().contains("not a valid data URL"), failed.message());
        assertEquals(List.of("BidResult", "ComputeError"), o.reportTypes(id).stream()
                .filter(type -> !type.equals("ExecutionProgress")).toList(), "a Running report may come between");
        assertEquals(1, o.count(BidResult.class, id, BidResult::accepted));
    }

    /**
     * Reports stored in one transaction reach the orchestrator in the order they were stored, also while other
     * transactions store reports at the same time: the outbox sends in the order of its IDs (outbox.ReportIds).
     */
    @Test
    @Order(2)
    @OperateOnDeployment(NODE)
    void reportsStoredTogetherArriveInTheirOrderWhileOthersAreStored() throws Exception {
        SimulatedOrchestrator o = orchestrator();
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> Ids.newExecutionId()).toList();
        node.storeProgressPairsAtOnce(ids);
        for (String id : ids) {
            o.expect(ExecutionProgress.class,
                    p -> p.executionId().equals(id) && p.state() == ExecutionStateType.Publishing);
        }
        for (String id : ids) {
            assertEquals(List.of(ExecutionStateType.Running, ExecutionStateType.Publishing), o.progressStates(id),
                    "the reports of execution " + id + " as they arrived");
        }
    }

    @Test
    @Order(3)
    @OperateOnDeployment(NODE)
    void cancelledQueuedExecutionLeavesTheQueueAndNeverRuns() {
        SimulatedOrchestrator o = orchestrator();
        AskForBid busy = o.runRequest(SimulatedOrchestrator.sleepingJob());
        node.handle(busy);
        try {
            cancelWhileBusy(o, busy);
        } finally {
            node.handle(o.cancel(busy));
        }
    }

    private void cancelWhileBusy(SimulatedOrchestrator o, AskForBid busy) {
        String busyId = busy.execution().id();
        awaitState(busyId, ExecutionStateType.Running);
        askedAgainWhileItRuns(o, busy);

        AskForBid queued = o.runRequest(SimulatedOrchestrator.noopJob());
        String queuedId = queued.execution().id();
        node.handle(queued);
        assertEquals(1, node.waiting(), "the second execution waits for the CPU the first one holds");
        assertEquals(ExecutionStateType.BidAccepted, node.state(queuedId).orElseThrow());
        askedAgainWhileItWaits(o, queued);

        node.handle(o.cancel(queued));
        assertEquals(0, node.waiting());
        assertEquals(ExecutionStateType.Cancelled, node.state(queuedId).orElseThrow());
        node.handle(o.cancel(queued));
        assertEquals(ExecutionStateType.Cancelled, node.state(queuedId).orElseThrow(), "a repeated cancel");

        node.handle(o.cancel(busy));
        assertEquals(ExecutionStateType.Cancelled, node.state(busy.execution().id()).orElseThrow());
        // the CPU comes back when the cancelled container has stopped: the next execution then runs, and the
        // cancelled one, had it still waited ahead of it, would have run first
        AskForBid next = o.runRequest(SimulatedOrchestrator.noopJob());
        node.handle(next);
        o.expect(RunResult.class, r -> r.executionId().equals(next.execution().id()));
        assertEquals(ExecutionStateType.Cancelled, node.state(queuedId).orElseThrow());
        assertEquals(0, o.count(RunResult.class, queuedId, r -> true), "the cancelled execution ran");
        assertEquals(0, o.count(ExecutionProgress.class, queuedId, p -> true), "the cancelled execution started");
        assertEquals(0, o.count(RunResult.class, busy.execution().id(), r -> true), "the cancelled container reported a result");
    }

    /**
     * The orchestrator asks again when it has not recorded the bid (docs/state-writer.md, "Pre-approved
     * placements"): a running execution answers with its bid and its Running state, and does not start again.
     */
    private void askedAgainWhileItRuns(SimulatedOrchestrator o, AskForBid busy) {
        String id = busy.execution().id();
        BidResult first = o.expect(BidResult.class, b -> b.executionId().equals(id));
        node.handle(busy);
        BidResult again = o.expect(BidResult.class, b -> b.executionId().equals(id) && b != first);
        assertTrue(again.accepted() && again.preApproved(), "answered again: " + again);
        // one Running report from the run (after Compute.Executions.RunningReportDelay), one from the answer
        ExecutionProgress running = o.expect(ExecutionProgress.class,
                p -> p.executionId().equals(id) && p.state() == ExecutionStateType.Running);
        o.expect(ExecutionProgress.class, p -> p.executionId().equals(id) && p.state() == ExecutionStateType.Running
                && p != running);
        assertEquals(ExecutionStateType.Running, node.state(id).orElseThrow());
        assertEquals(0, node.waiting(), "a running execution asked again was queued again");
    }

    /** A pre-approved execution waiting for capacity answers a repeated ask with its bid and stays queued once. */
    private void askedAgainWhileItWaits(SimulatedOrchestrator o, AskForBid queued) {
        String id = queued.execution().id();
        BidResult first = o.expect(BidResult.class, b -> b.executionId().equals(id));
        assertTrue(first.accepted() && first.preApproved(), "pre-approved bid: " + first);
        node.handle(queued);
        BidResult again = o.expect(BidResult.class, b -> b.executionId().equals(id) && b != first);
        assertTrue(again.accepted() && again.preApproved(), "answered again: " + again);
        assertEquals(1, node.waiting(), "asked again, the waiting execution was queued twice");
        assertEquals(ExecutionStateType.BidAccepted, node.state(id).orElseThrow());
    }

    @Test
    @Order(4)
    @RunAsClient
    void theNodesLinkToItsBrokerIsCut() {
        link.cut();
    }

    /**
     * A run finishes while its report cannot be delivered (the broker is unreachable from the node); the node is
     * killed before the link comes back (next step), so only what the node stored survives.
     */
    @Test
    @Order(5)
    @OperateOnDeployment(NODE)
    void runFinishesWhileTheBrokerIsUnreachableAndAnotherRunsWhenTheNodeIsKilled() {
        SimulatedOrchestrator o = orchestrator();
        node.handle(o.runRequest(SimulatedOrchestrator.noopJob(), FINISHED_UNSENT));
        awaitState(FINISHED_UNSENT, ExecutionStateType.Completed);
        node.handle(o.runRequest(SimulatedOrchestrator.sleepingJob(), INTERRUPTED));
        awaitState(INTERRUPTED, ExecutionStateType.Running);
        assertEquals(0, o.count(RunResult.class, FINISHED_UNSENT, r -> true), "delivered over a cut link");
    }

    @Test
    @Order(6)
    @RunAsClient
    void nodeIsKilledAndStartsAgainOnItsData() throws Exception {
        // the node this class started: the newest Payara Micro child of this JVM (an earlier class's may still stop)
        ProcessHandle payara = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro.jar"))
                .max(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.MIN)))
                .orElseThrow(() -> new AssertionError("no Payara Micro process to kill"));
        payara.destroyForcibly();
        payara.onExit().get(60, TimeUnit.SECONDS);
        deployer.undeploy(NODE);
        link.restore();
        start();
    }

    @Test
    @Order(7)
    @OperateOnDeployment(NODE)
    void interruptedExecutionIsFailedAndReportedAfterTheJoin() {
        assertEquals(ExecutionStateType.Failed, node.state(INTERRUPTED).orElseThrow(), "after the restart");
        ComputeError reported = orchestrator().expect(ComputeError.class, e -> e.executionId().equals(INTERRUPTED));
        assertTrue(reported.message().contains("Failed due to node restart"), reported.message());
    }

    /** The result stored before the kill is sent after the restart, without anyone asking for it. */
    @Test
    @Order(8)
    @OperateOnDeployment(NODE)
    void resultOfTheRunThatFinishedUnreachableIsSentAfterTheRestart() {
        assertEquals(ExecutionStateType.Completed, node.state(FINISHED_UNSENT).orElseThrow(), "after the restart");
        RunResult result = orchestrator().expect(RunResult.class, r -> r.executionId().equals(FINISHED_UNSENT));
        assertEquals(0, result.output().exitCode());
    }

    /**
     * The orchestrator asks a rejoined node where the executions it believes active there stand: the finished
     * one answers with its result again (a duplicate the orchestrator ignores), the interrupted one with its
     * failure, and one the node never had (lost with its data) with a failure, not silence. Every report leaves
     * the outbox once the broker has it.
     */
    @Test
    @Order(9)
    @OperateOnDeployment(NODE)
    void rejoinedNodeAnswersForEveryExecutionItIsAskedAbout() {
        SimulatedOrchestrator o = orchestrator();
        String lost = "e-00001055-0000-4000-8000-00000000beef";
        o.send(new ExecutionStateRequest(o.nodeId(), FINISHED_UNSENT, "j-finished"));
        o.send(new ExecutionStateRequest(o.nodeId(), INTERRUPTED, "j-interrupted"));
        o.send(new ExecutionStateRequest(o.nodeId(), lost, "j-lost"));

        ComputeError unknown = o.expect(ComputeError.class, e -> e.executionId().equals(lost));
        assertEquals("j-lost", unknown.jobId());
        assertTrue(unknown.message().contains("unknown to node"), unknown.message());
        Waits.until("the finished run's result again", () -> o.count(RunResult.class, FINISHED_UNSENT, r -> true) >= 2 ? true : null);
        Waits.until("the interrupted run's failure again", () -> o.count(ComputeError.class, INTERRUPTED, e -> true) >= 2 ? true : null);
        Waits.until("an empty outbox", () -> node.pendingReports() == 0 ? true : null);
        assertEquals(ExecutionStateType.Completed, node.state(FINISHED_UNSENT).orElseThrow(), "asked, nothing changed");
    }

    /**
     * Once {@code Orchestrator.Retention.Jobs} (720h here) has passed, the node deletes an ended execution's folder,
     * its locally published archive and its record (its reports have left the outbox); a record younger than that
     * stays.
     */
    @Test
    @Order(10)
    @OperateOnDeployment(NODE)
    void endedExecutionsLeaveNothingAfterTheJobRetention() {
        SimulatedOrchestrator o = orchestrator();
        AskForBid ask = o.runRequest(SimulatedOrchestrator.locallyPublishedJob());
        String id = ask.execution().id();
        o.send(ask);
        o.expect(RunResult.class, r -> r.executionId().equals(id));
        awaitState(id, ExecutionStateType.Completed);
        Waits.until("an empty outbox", () -> node.pendingReports() == 0 ? true : null);
        assertTrue(Files.isRegularFile(node.publishedArchive(id)), "no archive was published");

        assertEquals(0, node.sweepRetention(Duration.ofHours(1)).records(), "a record went before the job retention");
        assertTrue(node.state(id).isPresent());

        RetentionTimer.Swept swept = node.sweepRetention(Duration.ofHours(721));
        assertTrue(swept.records() >= 1, "records left: " + swept);
        assertTrue(node.state(id).isEmpty(), "the execution's record is kept");
        assertFalse(Files.exists(node.publishedArchive(id)), "the published archive is kept");
        assertFalse(Files.exists(node.executionFolder(id)), "the execution's folder is kept");
    }

    /**
     * A log follow of a running execution ends when the orchestrator says its reader left (LogStreamCancel), not
     * when the execution ends (here: in 10 minutes).
     */
    @Test
    @Order(11)
    @OperateOnDeployment(NODE)
    void aFollowedLogStreamStopsWhenItsReaderLeaves() {
        SimulatedOrchestrator o = orchestrator();
        AskForBid running = o.runRequest(SimulatedOrchestrator.sleepingJob());
        String id = running.execution().id();
        node.handle(running);
        try {
            awaitState(id, ExecutionStateType.Running);
            String stream = o.nodeId() + "." + java.util.UUID.randomUUID().toString().replace("-", "");
            node.handle(new LogStreamRequest(o.nodeId(), id, stream, true, false));
            assertEquals(1, node.activeLogStreams(), "the follow did not start");

            node.handle(new LogStreamCancel(o.nodeId(), stream));

            Waits.until("no log stream left", () -> node.activeLogStreams() == 0 ? true : null);
            assertEquals(ExecutionStateType.Running, node.state(id).orElseThrow(), "the execution itself went on");
        } finally {
            node.handle(o.cancel(running));
        }
    }

    @Test
    @Order(20)
    @RunAsClient
    void nodeStops() {
        deployer.undeploy(NODE);
        link.close();
    }

    /**
     * Starts the node on its data dir with a fresh Payara root: a reused root would deploy the previous start's
     * applications again beside this one (see payara NodeProcess.deleteTree).
     */
    private void start() {
        if (link == null) {
            link = new LinkRelay(Integer.getInteger("bacalao.it.compute.link"), Integer.getInteger("bacalao.it.compute.broker"));
        }
        deleteTree(Path.of(System.getProperty("bacalao.it.run"), "compute", "payara-root"));
        deployer.deploy(NODE);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
