package io.bacalao.container.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.container.orchestrator.OrchestratorMiddle.EvaluationRow;
import io.bacalao.container.support.Deployments;
import io.bacalao.container.support.Waits;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.LogStreamCancel;
import io.bacalao.domain.protocol.LogStreamRequest;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import io.bacalao.orchestrator.jobs.SubmitResult;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.store.SnapshotReader;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orchestrator's transactional middle inside a real Payara Micro with its embedded Artemis broker and H2 (one
 * deployment for the class): the state path from submit to stored evaluation and outgoing messages, plan
 * application with a stale revision, node reports out of order and duplicated, evaluation retry and dead-letter.
 * One simulated compute node ({@link SimulatedNode}) serves every test; each test's messages are told apart by
 * job ID. The tests drive the middle only through {@link OrchestratorMiddle}.
 */
@ExtendWith(ArquillianExtension.class)
class OrchestratorIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static SimulatedNode node;

    @Deployment
    @TargetsContainer("orchestrator")
    static WebArchive deployment() {
        return Deployments.orchestrator(OrchestratorIT.class, OrchestratorMiddle.class,
                OrchestratorMiddle.EvaluationRow.class, SimulatedNode.class, SentAfterCommit.class);
    }

    @Inject
    OrchestratorMiddle middle;
    @Inject
    SentAfterCommit sent;

    /** The class's compute node, joined on first use (static fields live as long as the deployment). */
    private static synchronized SimulatedNode node() {
        if (node == null) node = SimulatedNode.join(1);
        return node;
    }

    /** A noop batch job that any node runs. */
    private static String noopJob(String name) {
        return "{\"Name\":\"" + unique(name) + "\",\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\","
                + "\"Engine\":{\"Type\":\"noop\"},\"Resources\":{\"CPU\":\"0.1\"}}]}";
    }

    /** A job no node fits (64 CPU): it stays Queued, evaluated again every QueueBackoff (2 s here). */
    private static String waitingJob(String name) {
        return "{\"Name\":\"" + name + "\",\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\","
                + "\"Engine\":{\"Type\":\"noop\"},\"Resources\":{\"CPU\":\"64\"},\"Timeouts\":{\"QueueTimeout\":900}}]}";
    }

    private static String unique(String name) {
        return name + "-" + NAMES.incrementAndGet();
    }

    /** A noop job the class's node ran to completion; returns its ID. */
    private String completedJob(String name) {
        String id = middle.submit(noopJob(name)).jobId();
        node().runsToCompletion(id);
        awaitState(id, JobStateType.Completed);
        return id;
    }

    private Job awaitState(String jobId, JobStateType state) {
        return Waits.until("job " + jobId + " " + state, () -> middle.job(jobId)
                .filter(j -> j.state().stateType() == state).orElse(null));
    }

    private Job awaitTerminal(String jobId) {
        return Waits.until("job " + jobId + " ended", () -> middle.job(jobId)
                .filter(j -> j.state().stateType().isTerminal()).orElse(null));
    }

    /** Every evaluation of the job has ended (none pending): nothing more happens to it by itself. */
    private List<EvaluationRow> awaitEvaluationsDone(String jobId) {
        return Waits.until("no pending evaluation of " + jobId, () -> {
            List<EvaluationRow> rows = middle.evaluationsOf(jobId);
            return rows.stream().anyMatch(r -> r.status() == EvaluationStatus.PENDING) ? null : rows;
        });
    }

    /**
     * A submit stores the job and its evaluation's plan in one commit: the execution is there when the submit
     * returns, and the evaluation, completed in that transaction, is not stored (store/InlineEvaluation).
     */
    @Test
    void submittedJobIsStoredWithItsPlanAndItsMessagesReachTheNode() {
        SimulatedNode n = node();
        SubmitResult submitted = middle.submit(noopJob("path"));

        Job stored = middle.job(submitted.jobId()).orElseThrow(() -> new AssertionError("job not stored by submit"));
        assertEquals(1, stored.version());
        assertEquals(1, middle.executions(submitted.jobId()).size(), "the submit's plan was not stored with the job");
        assertTrue(middle.evaluation(submitted.evaluationId()).isEmpty(),
                "an evaluation completed in the transaction that made it was stored");

        String executionId = n.runsToCompletion(submitted.jobId());
        awaitState(submitted.jobId(), JobStateType.Completed);
        List<Execution> executions = middle.executions(submitted.jobId());
        assertEquals(1, executions.size(), executions.toString());
        Execution e = executions.get(0);
        assertEquals(executionId, e.id());
        assertEquals(n.id(), e.nodeId());
        assertEquals(ExecutionStateType.Completed, e.state());
        assertEquals(DesiredStateType.Stopped, e.desired());
        List<EvaluationRow> evaluations = awaitEvaluationsDone(submitted.jobId());
        assertTrue(evaluations.stream().allMatch(r -> r.status() == EvaluationStatus.COMPLETE), evaluations.toString());
    }

    /**
     * The outbox sends only after a successful commit (docs/state-writer.md): a submit or a plan inside a caller's
     * transaction that rolls back stores nothing, queues no evaluation and asks no node to bid. Before the outbox,
     * both sent at once, inside the caller's transaction.
     */
    @Test
    void rolledBackTransactionsStoreAndSendNothing() {
        SimulatedNode n = node();
        SubmitResult rolledBack = middle.inTransactionThatRollsBack(() -> middle.submit(noopJob("rolled-back")));
        assertFalse(sent.anythingOf(rolledBack.jobId()), "a rolled-back submit queued its evaluation or asked a node");
        assertTrue(middle.job(rolledBack.jobId()).isEmpty(), "a rolled-back submit stored its job");
        assertTrue(middle.evaluation(rolledBack.evaluationId()).isEmpty(), "a rolled-back submit stored its evaluation");

        String waiting = middle.submit(waitingJob(unique("rolled-back-plan"))).jobId();
        try {
            awaitState(waiting, JobStateType.Queued);
            Plan plan = middle.placement(middle.snapshot(waiting), n.id());
            String placed = plan.newExecutions().get(0).id();
            assertTrue(middle.inTransactionThatRollsBack(() -> middle.apply(plan)), "the plan was current");
            assertTrue(middle.executions(waiting).stream().noneMatch(e -> e.id().equals(placed)));
            assertFalse(sent.execution(placed), "a rolled-back plan sent its execution's message");

            String marker = middle.submit(noopJob("marker")).jobId();
            n.runsToCompletion(marker);
            assertTrue(n.received().stream().noneMatch(m -> m instanceof AskForBid a && a.execution().id().equals(placed)),
                    "the node was asked to bid for an execution whose plan rolled back");
            assertTrue(middle.executions(marker).stream().anyMatch(e -> sent.execution(e.id())),
                    "the committed marker's messages were not seen either: the check above cannot tell");
        } finally {
            middle.stopJob(waiting);
        }
    }

    /**
     * Evaluation retention deletes what ended and keeps what the sweeps still work from: a waiting job's pending
     * evaluation survives any cutoff, and its job is evaluated as before.
     */
    @Test
    void retentionDeletesEndedEvaluationsAndKeepsPendingOnes() {
        String done = completedJob("retention-done");
        List<EvaluationRow> ended = awaitEvaluationsDone(done);
        String waiting = middle.submit(waitingJob(unique("retention-waiting"))).jobId();
        try {
            awaitState(waiting, JobStateType.Queued);
            List<EvaluationRow> pending = middle.evaluationsOf(waiting).stream()
                    .filter(r -> r.status() == EvaluationStatus.PENDING).toList();
            assertFalse(pending.isEmpty(), "a queued job without a pending evaluation: " + middle.evaluationsOf(waiting));

            assertTrue(middle.purgeEndedEvaluations(java.time.Duration.ofHours(1)) >= ended.size());
            assertTrue(middle.evaluationsOf(done).isEmpty(), "ended evaluations kept: " + middle.evaluationsOf(done));
            List<String> left = middle.evaluationsOf(waiting).stream().map(EvaluationRow::id).toList();
            assertTrue(pending.stream().allMatch(r -> left.contains(r.id())), "a pending evaluation was deleted: " + left);
            assertEquals(JobStateType.Completed, middle.job(done).orElseThrow().state().stateType());
        } finally {
            middle.stopJob(waiting);
        }
    }

    /**
     * Job retention deletes every row of an ended job. The job here has one of each kind: its run had an evaluation
     * queued (as a node event queues one), which is stored, unlike those its submit and reports completed inline.
     */
    @Test
    void retentionPurgesAnEndedJobWithAllItsRowsAndItsIdThenAnswersPurged() throws Exception {
        SimulatedNode n = node();
        String done = middle.submit(noopJob("retention-job")).jobId();
        AskForBid ask = n.askedToBid(done);
        middle.report(n.bid(ask, true));
        if (!ask.preApproved()) n.expect(BidAccepted.class, b -> b.executionId().equals(ask.execution().id()));
        middle.queueEvaluation(done);
        middle.report(n.completed(ask.execution().id(), done));
        awaitState(done, JobStateType.Completed);
        awaitEvaluationsDone(done);
        String waiting = middle.submit(waitingJob(unique("retention-kept"))).jobId();
        try {
            awaitState(waiting, JobStateType.Queued);
            assertTrue(middle.rowsOf(done).values().stream().allMatch(c -> c > 0), "rows before: " + middle.rowsOf(done));

            assertTrue(middle.purgeEndedJobs(Duration.ofSeconds(1)) >= 1);

            assertEquals(0L, middle.rowsOf(done).values().stream().mapToLong(Long::longValue).sum(),
                    "rows left of the purged job: " + middle.rowsOf(done));
            assertTrue(middle.job(waiting).isPresent(), "a queued job was purged");
            HttpResponse<String> gone = getJob(done);
            assertEquals(404, gone.statusCode(), gone.body());
            assertTrue(gone.body().contains("\"Code\":\"NotFound\""), gone.body());
            assertTrue(gone.body().contains("job not found: " + done + " ended and was purged at ")
                    && gone.body().contains("(Orchestrator.Retention.Jobs)"), gone.body());
            HttpResponse<String> never = getJob("j-00000000-0000-4000-8000-00000000dead");
            assertEquals(404, never.statusCode(), never.body());
            assertTrue(never.body().contains("job not found: j-00000000-0000-4000-8000-00000000dead\""), never.body());

            assertTrue(middle.forgetPurgedJobs(Duration.ofSeconds(1)) >= 1);
            HttpResponse<String> forgotten = getJob(done);
            assertEquals(404, forgotten.statusCode());
            assertTrue(forgotten.body().contains("job not found: " + done + "\""), forgotten.body());
        } finally {
            middle.stopJob(waiting);
        }
    }

    /**
     * A client follows a job's logs over the websocket and leaves before the node's stream ends: the orchestrator
     * tells the node to stop streaming ({@code LogStreamCancel} for that stream), so the node does not go on
     * publishing to nobody until its execution ends.
     */
    @Test
    void aLogFollowWhoseClientLeavesTellsTheNodeToStopStreaming() throws Exception {
        SimulatedNode n = node();
        String jobId = completedJob("logs-leave");
        try (HttpClient http = HttpClient.newHttpClient()) {
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(System.getProperty("bacalao.it.api.url")
                    .replaceFirst("^http", "ws") + "/api/v1/orchestrator/jobs/" + jobId + "/logs?follow=true"),
                    new WebSocket.Listener() {
                    }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            LogStreamRequest asked = n.expect(LogStreamRequest.class, r -> r.follow()
                    && middle.executions(jobId).stream().anyMatch(e -> e.id().equals(r.executionId())));

            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done reading").get(30, java.util.concurrent.TimeUnit.SECONDS);

            n.expect(LogStreamCancel.class, c -> c.streamId().equals(asked.streamId()));
        }
    }

    /** {@code GET /api/v1/orchestrator/jobs/<id>} on this node's REST API. */
    private static HttpResponse<String> getJob(String id) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(System.getProperty("bacalao.it.api.url")
                    + "/api/v1/orchestrator/jobs/" + id)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void stalePlanIsRefusedAndNothingOfItIsApplied() {
        SimulatedNode n = node();
        String name = unique("stale");
        String jobId = middle.submit(waitingJob(name)).jobId();
        try {
            awaitState(jobId, JobStateType.Queued);
            SnapshotReader.Snapshot seen = middle.snapshot(jobId);
            Plan plan = middle.placement(seen, n.id());
            middle.resubmit(waitingJob(name));

            assertFalse(middle.apply(plan), "a plan made at an older job revision was applied");
            Job now = middle.job(jobId).orElseThrow();
            assertTrue(now.revision() > seen.job().revision());
            assertTrue(middle.executions(jobId).isEmpty(), "the stale plan's execution was stored");
            assertTrue(now.state().stateType() != JobStateType.Running, "the stale plan moved the job: " + now.state());
        } finally {
            middle.stopJob(jobId);
        }

        String ran = middle.submit(noopJob("stale-execution")).jobId();
        n.runsToCompletion(ran);
        awaitState(ran, JobStateType.Completed);
        awaitEvaluationsDone(ran);
        SnapshotReader.Snapshot done = middle.snapshot(ran);
        Execution e = done.executions().get(0);
        assertFalse(middle.apply(middle.stop(done, e, e.revision() - 1)), "a plan made at an older execution revision was applied");
        Execution after = middle.executions(ran).get(0);
        assertEquals(e.revision(), after.revision());
        assertEquals(e.desiredState(), after.desiredState());
    }

    /** Reports the node's accepted bid and waits for the approval unless the ask was pre-approved; the execution's ID. */
    private String acceptedBid(SimulatedNode n, AskForBid ask) {
        String executionId = ask.execution().id();
        middle.report(n.bid(ask, true));
        if (!ask.preApproved()) n.expect(BidAccepted.class, b -> b.executionId().equals(executionId));
        return executionId;
    }

    @Test
    void reportsOutOfOrderAndDuplicatedLeaveTheRightFinalState() {
        SimulatedNode n = node();
        String jobId = middle.submit(noopJob("reports")).jobId();
        AskForBid ask = n.askedToBid(jobId);
        String executionId = acceptedBid(n, ask);

        RunResult done = n.completed(executionId, jobId);
        middle.report(done);
        middle.report(new ExecutionProgress(n.id(), executionId, jobId, ExecutionStateType.Running, null));
        middle.report(done);
        middle.report(n.bid(ask, true));

        awaitState(jobId, JobStateType.Completed);
        awaitEvaluationsDone(jobId);
        List<Execution> executions = middle.executions(jobId);
        assertEquals(1, executions.size(), "a late or repeated report made another execution: " + executions);
        assertEquals(ExecutionStateType.Completed, executions.get(0).state());
        assertEquals(DesiredStateType.Stopped, executions.get(0).desired());
        long completions = middle.history(jobId).stream().filter(h -> executionId.equals(h.executionId())
                && EventTopics.COMPLETED_SUCCESSFULLY.equals(h.event().message())).count();
        assertEquals(1, completions, "the repeated result was recorded again");
        assertEquals(JobStateType.Completed, middle.job(jobId).orElseThrow().state().stateType());
    }

    /**
     * A node that handshakes again (it restarted, or lost its link) is asked where each execution stands that the
     * orchestrator believes is active there, a running one included (no sweep re-asks those); a node that lost
     * the execution answers with a failure, which fails it (delivered twice, as an outbox may, once), and the
     * job's retry runs: nothing stays Running.
     */
    @Test
    void aRejoinedNodeIsAskedAboutItsRunningExecutionAndItsFailureEndsIt() {
        SimulatedNode n = node();
        String jobId = middle.submit(noopJob("reconciled")).jobId();
        String executionId = acceptedBid(n, n.askedToBid(jobId));
        middle.report(new ExecutionProgress(n.id(), executionId, jobId, ExecutionStateType.Running, null));
        Waits.until("execution " + executionId + " Running", () -> middle.executions(jobId).stream()
                .filter(e -> e.id().equals(executionId) && e.state() == ExecutionStateType.Running).findFirst().orElse(null));

        n.rejoins();
        ExecutionStateRequest asked = n.expect(ExecutionStateRequest.class, r -> r.executionId().equals(executionId));
        assertEquals(jobId, asked.jobId());
        ComputeError lost = n.unknown(executionId, jobId);
        middle.report(lost);
        middle.report(lost);

        AskForBid retry = n.expect(AskForBid.class, a -> a.execution().jobId().equals(jobId)
                && !a.execution().id().equals(executionId));
        middle.report(n.completed(acceptedBid(n, retry), jobId));
        awaitState(jobId, JobStateType.Completed);
        awaitEvaluationsDone(jobId);
        List<Execution> executions = middle.executions(jobId);
        assertEquals(2, executions.size(), "the repeated failure made another retry: " + executions);
        Execution failed = executions.stream().filter(e -> e.id().equals(executionId)).findFirst().orElseThrow();
        assertEquals(ExecutionStateType.Failed, failed.state());
    }

    /** Submits a noop job and returns what its node is asked: a pre-approved AskForBid, as batch placements are. */
    private AskForBid preApprovedAsk(SimulatedNode n, String jobName) {
        AskForBid ask = n.askedToBid(middle.submit(noopJob(jobName)).jobId());
        assertTrue(ask.preApproved(), "a batch placement was not pre-approved");
        return ask;
    }

    /**
     * A batch placement is pre-approved (docs/state-writer.md, "Pre-approved placements"): one message asks and
     * approves; the re-send sweep asks again pre-approved while the node has not answered; the node's acceptance is
     * recorded as the approval (BidAccepted, the execution's "Running" event, the job Running) with nothing sent
     * back; a repeated acceptance changes nothing; the sweep then sends the approval an accepted execution that has
     * not started gets.
     */
    @Test
    void preApprovedPlacementRunsOnTheNodesAcceptanceAlone() {
        SimulatedNode n = node();
        AskForBid ask = preApprovedAsk(n, "pre-approved");
        String jobId = ask.execution().jobId();
        String executionId = ask.execution().id();

        middle.resendAwaitingNode(jobId);
        AskForBid again = n.expect(AskForBid.class, a -> a.execution().id().equals(executionId) && a != ask);
        assertTrue(again.preApproved(), "the sweep asked again without the approval");

        middle.report(n.bid(ask, true));
        awaitState(jobId, JobStateType.Running);
        middle.report(n.bid(ask, true));
        Execution accepted = middle.executions(jobId).get(0);
        assertEquals(ExecutionStateType.BidAccepted, accepted.state());
        assertEquals(DesiredStateType.Running, accepted.desired());
        assertEquals("execution approved", accepted.desiredState().message());
        assertTrue(n.drain(Duration.ofMillis(500)).stream().noneMatch(m -> m instanceof BidAccepted b
                && b.executionId().equals(executionId)), "a pre-approved execution's acceptance was answered");

        middle.resendAwaitingNode(jobId);
        n.expect(BidAccepted.class, b -> b.executionId().equals(executionId));
        middle.report(n.completed(executionId, jobId));
        awaitState(jobId, JobStateType.Completed);
        awaitEvaluationsDone(jobId);
        List<JobHistory> history = middle.history(jobId);
        assertEquals(1, history.stream().filter(h -> executionId.equals(h.executionId())
                && EventTopics.RUNNING.equals(h.event().message())).count(), history.toString());
        assertEquals(1, history.stream().filter(h -> EventTopics.STATE_UPDATE.equals(h.event().topic())
                && "Running".equals(h.event().message())).count(), history.toString());
        assertEquals(1, middle.executions(jobId).size());
    }

    /**
     * A short pre-approved run reports only its result (the node holds its bid back, docs/state-writer.md): the
     * execution and the job read as for any run (the execution's "Running" event before its result's, the job
     * Running before Completed, once each), and the bid that comes late changes nothing.
     */
    @Test
    void aPreApprovedRunThatReportsOnlyItsResultReadsAsAnyRun() {
        SimulatedNode n = node();
        AskForBid ask = preApprovedAsk(n, "result-only");
        String jobId = ask.execution().jobId();
        String executionId = ask.execution().id();

        middle.report(n.completed(executionId, jobId));
        awaitState(jobId, JobStateType.Completed);
        middle.report(n.bid(ask, true));
        awaitEvaluationsDone(jobId);

        Execution done = middle.executions(jobId).get(0);
        assertEquals(ExecutionStateType.Completed, done.state());
        assertEquals(DesiredState.completed(), done.desiredState());
        List<JobHistory> history = middle.history(jobId);
        List<String> ofExecution = history.stream().filter(h -> executionId.equals(h.executionId()))
                .map(h -> h.event().message()).filter(m -> m.equals(EventTopics.RUNNING)
                        || m.equals(EventTopics.COMPLETED_SUCCESSFULLY)).toList();
        assertEquals(List.of(EventTopics.RUNNING, EventTopics.COMPLETED_SUCCESSFULLY), ofExecution, history.toString());
        List<String> ofJob = history.stream().filter(h -> EventTopics.STATE_UPDATE.equals(h.event().topic()))
                .map(h -> h.event().message()).filter(m -> m.equals("Running") || m.equals("Completed")).toList();
        assertEquals(List.of("Running", "Completed"), ofJob, history.toString());
    }

    /**
     * A node that held its bid sends it and its Running report together, and the inbox's consumers may apply the
     * Running report first: that report alone has the acceptance recorded (the job Running, the execution approved
     * and still Running), and the bid after it changes nothing.
     */
    @Test
    void aRunningReportAppliedBeforeItsBidHasTheAcceptanceRecorded() {
        SimulatedNode n = node();
        AskForBid ask = preApprovedAsk(n, "running-first");
        String jobId = ask.execution().jobId();
        String executionId = ask.execution().id();

        middle.report(new ExecutionProgress(n.id(), executionId, jobId, ExecutionStateType.Running, null));
        awaitState(jobId, JobStateType.Running);
        middle.report(n.bid(ask, true));
        awaitEvaluationsDone(jobId);
        Execution running = middle.executions(jobId).get(0);
        assertEquals(ExecutionStateType.Running, running.state());
        assertEquals("execution approved", running.desiredState().message());
        assertEquals(1, middle.history(jobId).stream().filter(h -> executionId.equals(h.executionId())
                && EventTopics.RUNNING.equals(h.event().message())).count());
        middle.report(n.completed(executionId, jobId));
        awaitState(jobId, JobStateType.Completed);
    }

    @Test
    void failingEvaluationIsRetriedThenDeadLetteredAndItsJobFails() {
        node();
        String jobId = middle.submit(waitingJob(unique("poisoned"))).jobId();
        awaitState(jobId, JobStateType.Queued);
        middle.poisonResources(jobId);

        Job failed = awaitTerminal(jobId);
        assertEquals(JobStateType.Failed, failed.state().stateType());
        String reason = failed.state().message();
        assertTrue(reason.startsWith("Job failed because its evaluation ") && reason.contains("could not be processed")
                && reason.contains("invalid CPU value: lots"), reason);
        List<EvaluationRow> evaluations = awaitEvaluationsDone(jobId);
        List<EvaluationRow> deadLettered = evaluations.stream().filter(r -> r.status() == EvaluationStatus.FAILED).toList();
        assertEquals(1, deadLettered.size(), evaluations.toString());
        assertEquals(3, deadLettered.get(0).attempts(), "attempts counted up to MaxRetryCount (3 in this profile)");
        assertTrue(deadLettered.get(0).lastError().contains("invalid CPU value: lots"), deadLettered.get(0).toString());
    }

    /**
     * An evaluation that the transaction making it cannot complete is stored pending and queued, as every queued
     * evaluation is. Here a node's error report asks for a retry of a job whose stored resources the scheduler cannot
     * read: the report's evaluation fails inline, is stored with the report, and is retried until dead-lettered.
     */
    @Test
    void reportEvaluationThatFailsInlineIsStoredQueuedAndDeadLettered() {
        SimulatedNode n = node();
        String jobId = middle.submit(noopJob("inline-fails")).jobId();
        AskForBid ask = n.askedToBid(jobId);
        String executionId = ask.execution().id();
        middle.report(n.bid(ask, true));
        if (!ask.preApproved()) n.expect(BidAccepted.class, b -> b.executionId().equals(executionId));
        middle.poisonResources(jobId);
        middle.report(n.unknown(executionId, jobId));

        Job failed = awaitTerminal(jobId);
        assertEquals(JobStateType.Failed, failed.state().stateType());
        assertTrue(failed.state().message().contains("invalid CPU value: lots"), failed.state().message());
        List<EvaluationRow> deadLettered = awaitEvaluationsDone(jobId).stream()
                .filter(r -> r.status() == EvaluationStatus.FAILED).toList();
        assertEquals(1, deadLettered.size(), deadLettered.toString());
        assertEquals(EvaluationTrigger.EXEC_UPDATE, deadLettered.get(0).trigger(), deadLettered.get(0).toString());
    }

    /** Three jobs, each with one execution the node has bid on and finished; returns the node's three results. */
    private List<RunResult> finishedButNotReported(SimulatedNode n, String name) {
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String jobId = middle.submit(noopJob(name)).jobId();
            AskForBid ask = n.askedToBid(jobId);
            String executionId = ask.execution().id();
            middle.report(n.bid(ask, true));
            if (!ask.preApproved()) n.expect(BidAccepted.class, b -> b.executionId().equals(executionId));
            results.add(n.completed(executionId, jobId));
        }
        return results;
    }

    /**
     * The inbox applies a batch of reports in one transaction; when one of them cannot be applied (its job's row is
     * unreadable) that transaction rolls back, and each report is applied again on its own: the poisoned one fails
     * alone, its neighbours are applied (docs/messaging.md, Batched inboxes).
     */
    @Test
    void aPoisonedReportInABatchFailsAloneAndItsNeighboursAreApplied() {
        SimulatedNode n = node();
        List<RunResult> results = finishedButNotReported(n, "batch");
        RunResult poisoned = results.get(1);
        String json = middle.makeUnreadable(poisoned.jobId());
        try {
            List<ProtocolMessage> failed = middle.reportBatch(List.of(results.get(2), poisoned, results.get(0)));
            assertEquals(List.of(poisoned), failed, "only the poisoned report should fail");
        } finally {
            middle.restoreJson(poisoned.jobId(), json);
        }
        awaitState(results.get(0).jobId(), JobStateType.Completed);
        awaitState(results.get(2).jobId(), JobStateType.Completed);
        assertFalse(middle.executions(poisoned.jobId()).stream().anyMatch(e -> e.state() == ExecutionStateType.Completed),
                "the poisoned report was applied");

        assertEquals(List.of(), middle.reportBatch(List.of(poisoned, results.get(0))), "readable again, it applies");
        awaitState(poisoned.jobId(), JobStateType.Completed);
        List<Execution> executions = middle.executions(results.get(0).jobId());
        assertEquals(1, executions.size(), executions.toString());
        long completions = middle.history(results.get(0).jobId()).stream().filter(h -> EventTopics.COMPLETED_SUCCESSFULLY
                .equals(h.event().message())).count();
        assertEquals(1, completions, "the result repeated in the second batch was recorded again");
    }

    /** The same over the broker: reports sent in a burst with a poisoned one among them; the others complete. */
    @Test
    void aPoisonedReportSentWithOthersDoesNotStopThem() {
        SimulatedNode n = node();
        List<RunResult> results = finishedButNotReported(n, "burst");
        RunResult poisoned = results.get(1);
        String json = middle.makeUnreadable(poisoned.jobId());
        try {
            for (RunResult r : results) n.say(r);
            awaitState(results.get(0).jobId(), JobStateType.Completed);
            awaitState(results.get(2).jobId(), JobStateType.Completed);
            assertFalse(middle.executions(poisoned.jobId()).stream().anyMatch(e -> e.state() == ExecutionStateType.Completed),
                    "the poisoned report was applied");
        } finally {
            middle.restoreJson(poisoned.jobId(), json);
        }
    }
}
