package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.RunResult;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Records what compute nodes report about executions (reference §3.3 steps 3, 5, 6). Idempotent: a report
 * for an unknown or already finished execution, or one that would move it backwards, changes nothing.
 * Reports that need a scheduling decision store an {@code exec-update} evaluation in the same transaction
 * ({@link JobTransaction}); it is queued after commit.
 */
@Stateless
public class ExecutionReports {
    static final String COMPLETED_UNEXPECTEDLY = "execution completed unexpectedly";

    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Instance<InlineScheduler> inline;

    /**
     * An accepted bid is recorded as AskForBidAccepted, whether the execution waits for approval or was placed
     * pre-approved (as Bacalhau's orchestrator does); the evaluation it triggers approves the one or records the
     * other as approved (the scheduler's {@code PartitionScheduler}).
     */
    public void bidResult(BidResult r, Instant now) {
        if (r.accepted()) {
            record(r.executionId(), now, e -> e.transition(e.desiredState(),
                    ComputeState.of(ExecutionStateType.AskForBidAccepted), UnixNanos.of(now)), r.events(), true);
            return;
        }
        // compute nodes send Bacalhau's whole text ("rejected bid: …; rejected bid: …"); older ones sent the bare reasons
        String reason = r.reason() != null && r.reason().startsWith("rejected bid: ") ? r.reason() : "rejected bid: " + r.reason();
        List<Event> events = r.events().isEmpty() ? List.of(Event.error(EventTopics.EXEC_SCANNING, reason, now)) : r.events();
        record(r.executionId(), now, e -> e.transition(DesiredState.of(DesiredStateType.Stopped, "bid rejected"),
                new ComputeState(ExecutionStateType.AskForBidRejected, reason), UnixNanos.of(now)), events, true);
    }

    /**
     * A finished execution. Service and daemon executions must not finish: theirs is recorded as Failed
     * "execution completed unexpectedly" (reference §2.10), so that the scheduler replaces it. A pre-approved run
     * whose node reported nothing before its result (a short run's bid is not sent, docs/state-writer.md) was
     * accepted and run: its history gets the "Running" event its approval would have written, before the result's.
     */
    public void runResult(RunResult r, Instant now) {
        List<Event> events = r.events().isEmpty()
                ? List.of(Event.of(EventTopics.EXECUTION, EventTopics.COMPLETED_SUCCESSFULLY, now)) : r.events();
        record(r.executionId(), now, (e, job) -> job.jobType().isLongRunning()
                ? e.finish(new ComputeState(ExecutionStateType.Failed, COMPLETED_UNEXPECTEDLY),
                        DesiredState.of(DesiredStateType.Stopped, "execution failed"), r.publishedResult(), r.output(),
                        UnixNanos.of(now))
                : e.finish(ComputeState.of(ExecutionStateType.Completed), DesiredState.completed(), r.publishedResult(),
                        r.output(), UnixNanos.of(now)), before -> before.awaitsPreApprovedBid() ? approvedThen(events, now) : events, true);
    }

    /** The approval's "Running" event, dated no later than the first of {@code events}, then those. */
    private static List<Event> approvedThen(List<Event> events, Instant now) {
        Instant first = events.get(0).timestamp();
        List<Event> withApproval = new ArrayList<>(events.size() + 1);
        withApproval.add(Event.of(EventTopics.EXECUTION, EventTopics.RUNNING,
                first != null && first.isBefore(now) ? first : now));
        withApproval.addAll(events);
        return withApproval;
    }

    public void computeError(ComputeError r, Instant now) {
        List<Event> events = r.events().isEmpty()
                ? List.of(Event.error(EventTopics.EXECUTION, r.message(), now)) : r.events();
        record(r.executionId(), now, e -> e.transition(
                DesiredState.of(DesiredStateType.Stopped, "execution failed"),
                new ComputeState(ExecutionStateType.Failed, r.message()), UnixNanos.of(now)), events, true);
    }

    public void progress(ExecutionProgress r, Instant now) {
        List<Event> events = r.event() == null ? List.of() : List.of(r.event());
        record(r.executionId(), now, e -> e.transition(e.desiredState(),
                ComputeState.of(r.state()), UnixNanos.of(now)), events, false);
    }

    private void record(String executionId, Instant now, java.util.function.UnaryOperator<Execution> change,
                        List<Event> events, boolean evaluate) {
        record(executionId, now, (e, job) -> change.apply(e), before -> events, evaluate);
    }

    /**
     * Under the job's lock: the change if the model allows it, its events, and an evaluation when asked or when the
     * execution was placed pre-approved and had not been heard of.
     */
    private void record(String executionId, Instant now, BiFunction<Execution, Job, Execution> change,
                        Function<Execution, List<Event>> eventsAfter, boolean evaluate) {
        ExecutionEntity row = em.find(ExecutionEntity.class, executionId);
        if (row == null) return;
        JobTransaction tx = JobTransaction.lock(em, outbox, row.toExecution().jobId());
        em.refresh(row);
        Execution before = row.toExecution();
        Job job = tx.job();
        if (!tx.reportExecution(row, before, change.apply(before, job))) return;
        for (Event e : eventsAfter.apply(before)) tx.history(before.jobVersion(), executionId, e, now);
        // any report of a pre-approved execution not yet accepted carries the acceptance, which an evaluation records
        // (a Running report can be applied before the bid it was sent with: the inbox's consumers run side by side)
        if (!evaluate && !before.awaitsPreApprovedBid()) return;
        Evaluation eval = Evaluation.create(job, EvaluationTrigger.EXEC_UPDATE, UnixNanos.of(now));
        InlineEvaluation.evaluate(em, outbox, inline, tx, eval, now);
    }
}
