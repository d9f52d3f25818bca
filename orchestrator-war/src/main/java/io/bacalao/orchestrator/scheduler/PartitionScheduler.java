package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Batch and service jobs (reference §2.10, §4.2): Count partitions (0..Count-1) on distinct nodes through the
 * bid flow. Batch partitions run to completion and the job completes when all have; failed ones are retried
 * elsewhere; Total and Execution timeouts apply. Service jobs keep Count executions running and never
 * complete. Partitions at or above Count (a lowered Count) are stopped.
 *
 * <p>With {@link SchedulerSettings#preApprovedPlacements()} a placement is created to run (desired Running): its node
 * runs it as soon as its own bid checks accept it, and the node's acceptance is then recorded as the approval
 * (observed BidAccepted, the execution's "Running" event, the job Running) with nothing sent back. Without it,
 * placements wait for their bid and the oldest accepted bid of a partition is approved.
 */
public final class PartitionScheduler implements Scheduler {
    /** The desired state's message of an approved execution (what the API shows). */
    static final String APPROVED = "execution approved";

    private final NodeSelector selector;

    public PartitionScheduler(NodeSelector selector) {
        this.selector = selector;
    }

    @Override
    public Plan process(SchedulingContext ctx) {
        PlanBuilder plan = new PlanBuilder(ctx);
        Job job = ctx.job();
        if (job.isTerminal()) {
            Steps.stopAll(ctx, plan);
            return plan.build();
        }
        boolean batch = job.jobType() == JobType.BATCH;
        Steps.failLost(ctx, plan);
        if (batch) {
            if (Steps.totalTimeoutPassed(ctx, plan)) return plan.build();
            Steps.failTimedOutExecutions(ctx, plan);
        }
        Steps.cancelOldVersions(ctx, plan);
        stopSurplusPartitions(ctx, plan);
        boolean approved = approveBids(ctx, plan, batch);
        scheduleRemainingPartitions(ctx, plan, batch);
        if (!plan.jobFailed()) {
            if (batch) completeWhenDone(ctx, plan);
            Steps.markRunningIfEligible(ctx, plan, approved);
        }
        return plan.build();
    }

    /** Executions of partitions the job no longer has (Count lowered, e.g. to 0 to stop a service). */
    private static void stopSurplusPartitions(SchedulingContext ctx, PlanBuilder plan) {
        for (Execution e : live(ctx, plan)) {
            if (e.partitionIndex() >= ctx.job().count()) plan.stop(e, ExecutionStateType.Cancelled, StopReasons.TOO_MANY);
        }
    }

    /**
     * Per partition (§3.3 step 4): the oldest execution asked to run keeps it (and is recorded as approved once its
     * node accepted it, when it was placed pre-approved); otherwise the oldest accepted bid is approved. Once a
     * partition is taken (or completed, for batch) its other accepted bids are rejected and other pending
     * executions cancelled as over-subscription. Returns whether an approval happened.
     */
    private static boolean approveBids(SchedulingContext ctx, PlanBuilder plan, boolean batch) {
        Set<Integer> completed = batch ? completedPartitions(ctx, plan) : Set.of();
        Map<Integer, List<Execution>> byPartition = live(ctx, plan).stream()
                .collect(Collectors.groupingBy(Execution::partitionIndex));
        boolean approvedAny = false;
        for (var entry : byPartition.entrySet()) {
            List<Execution> execs = entry.getValue().stream()
                    .sorted(Comparator.comparingLong(Execution::modifyTime).thenComparing(Execution::id)).toList();
            Execution keeper = completed.contains(entry.getKey()) ? null
                    : execs.stream().filter(e -> e.desired() == DesiredStateType.Running).findFirst().orElse(null);
            if (keeper != null && acceptedPreApproval(keeper)) {
                approve(ctx, plan, keeper);
                approvedAny = true;
            }
            if (keeper == null && !completed.contains(entry.getKey())) {
                keeper = execs.stream().filter(PartitionScheduler::acceptedBid).findFirst().orElse(null);
                if (keeper == null) continue;
                approve(ctx, plan, keeper);
                approvedAny = true;
            }
            for (Execution e : execs) {
                if (e == keeper || e.jobVersion() != ctx.job().version()) continue;
                if (acceptedBid(e)) {
                    plan.stop(e, ExecutionStateType.BidRejected, StopReasons.NODE_REJECTED);
                } else {
                    plan.stop(e, ExecutionStateType.Cancelled, StopReasons.TOO_MANY);
                }
            }
        }
        return approvedAny;
    }

    private static boolean acceptedBid(Execution e) {
        return e.state() == ExecutionStateType.AskForBidAccepted && e.desired() == DesiredStateType.Pending;
    }

    /**
     * A pre-approved execution its node has accepted (it reported its bid, or already Running or Publishing when
     * that report came late or was lost) that is not yet recorded as approved.
     */
    static boolean acceptedPreApproval(Execution e) {
        boolean accepted = e.state() == ExecutionStateType.AskForBidAccepted || e.state().isExecuting();
        return accepted && e.isPreApprovedPlacement();
    }

    /**
     * Records an approval as the API shows it (reference §3.3): desired Running "execution approved", observed
     * BidAccepted (kept when the node already reported a later state) and the execution's "Running" event. An
     * approval of a bid that waited for it is sent to the node ({@code messaging.ExecutionMessages}); that of a
     * pre-approved one is not: its node already runs it.
     */
    private static void approve(SchedulingContext ctx, PlanBuilder plan, Execution e) {
        ComputeState observed = e.state() == ExecutionStateType.AskForBidAccepted
                ? ComputeState.of(ExecutionStateType.BidAccepted) : null;
        plan.update(e, DesiredState.of(DesiredStateType.Running, APPROVED), observed,
                Event.of(EventTopics.EXECUTION, EventTopics.RUNNING, ctx.now()));
    }

    /**
     * Places free partitions on the best suitable nodes, one per node, at most the rate limit per evaluation.
     * Memory is bounded by the job's executions and the nodes, never by Count: the free partition indices are
     * only counted, and enumerated as far as this evaluation places ({@link #lowestFree}).
     */
    private void scheduleRemainingPartitions(SchedulingContext ctx, PlanBuilder plan, boolean batch) {
        Job job = ctx.job();
        Set<Integer> used = live(ctx, plan).stream().map(Execution::partitionIndex).collect(Collectors.toSet());
        if (batch) used.addAll(completedPartitions(ctx, plan));
        int remaining = job.count() - (int) used.stream().filter(p -> p >= 0 && p < job.count()).count();
        if (remaining <= 0) {
            Queueing.clearExplanation(ctx, plan);
            return;
        }
        RankingInput input = RankingInput.of(job, ctx.executions().stream().map(plan::planned).toList(),
                ctx.settings().random());
        Selection selection = selector.select(input, ctx.schedulableNodes(), remaining);
        int placeable = Math.min(selection.suitable().size(), remaining);
        if (placeable < remaining) {
            if (!Queueing.waitOrFail(ctx, plan, input, selection, remaining)) return;
        } else {
            Queueing.clearExplanation(ctx, plan);
        }
        int count = RateLimiter.apply(ctx, plan, placeable);
        List<Integer> partitions = lowestFree(used, job.count(), count);
        Resources request = input.request();
        DesiredState desired = ctx.settings().preApprovedPlacements()
                ? DesiredState.of(DesiredStateType.Running, Execution.PRE_APPROVED) : DesiredState.of(DesiredStateType.Pending, "");
        for (int i = 0; i < count; i++) {
            NodeState node = selection.suitable().get(i).node();
            Execution e = Execution.create(Ids.newExecutionId(), job, node.id(), ctx.evaluation().id(),
                    partitions.get(i), desired,
                    AllocatedResources.of(job.task().name(), request), ctx.nowNanos());
            plan.create(e, requestedOn(ctx, node));
        }
    }

    /** The {@code n} lowest partition indices below {@code count} not in {@code used}: at most n + |used| steps. */
    static List<Integer> lowestFree(Set<Integer> used, int count, int n) {
        List<Integer> free = new ArrayList<>(n);
        for (int p = 0; p < count && free.size() < n; p++) {
            if (!used.contains(p)) free.add(p);
        }
        return free;
    }

    static Event requestedOn(SchedulingContext ctx, NodeState node) {
        return Event.of(EventTopics.SCHEDULING, "Requested execution on " + Ids.shortId(node.id()), ctx.now())
                .withDetail("NodeID", node.id());
    }

    /**
     * Batch: every partition has a completed execution of the current version. Leftovers stop as surplus. A job
     * still waiting turns Running first (its history reads Pending, Running, Completed): so it does when a short
     * pre-approved run reports only its result.
     */
    private static void completeWhenDone(SchedulingContext ctx, PlanBuilder plan) {
        if (plan.jobStateType().isTerminal() || completedPartitions(ctx, plan).size() < ctx.job().count()) return;
        for (Execution e : ctx.currentVersionExecutions()) {
            if (!plan.planned(e).isTerminal()) plan.stop(e, ExecutionStateType.Cancelled, StopReasons.TOO_MANY);
        }
        Steps.markRunningIfEligible(ctx, plan, true); // a job that completes has run, even if no approval was seen
        plan.jobState(JobStateType.Completed, "", Event.of(EventTopics.STATE_UPDATE, "Completed", ctx.now())
                .withDetail(Event.DETAIL_NEW_STATE, "Completed"));
    }

    private static Set<Integer> completedPartitions(SchedulingContext ctx, PlanBuilder plan) {
        Set<Integer> completed = new TreeSet<>();
        for (Execution e : ctx.currentVersionExecutions()) {
            Execution p = plan.planned(e);
            if (p.state() == ExecutionStateType.Completed && p.partitionIndex() < ctx.job().count()) {
                completed.add(e.partitionIndex());
            }
        }
        return completed;
    }

    /**
     * Executions that are not terminal once this plan applies: the current version's and the older versions'
     * that the rolling replacement has not stopped yet (they still hold their partitions).
     */
    private static List<Execution> live(SchedulingContext ctx, PlanBuilder plan) {
        return ctx.executions().stream().map(plan::planned).filter(e -> !e.isTerminal()).toList();
    }
}
