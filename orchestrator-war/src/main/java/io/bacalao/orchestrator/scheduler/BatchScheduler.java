package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.ComputeState;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import io.bacalao.orchestrator.scheduler.ranking.RankedNode;
import io.bacalao.orchestrator.scheduler.ranking.RankingInput;
import io.bacalao.orchestrator.scheduler.ranking.Selection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Batch jobs (reference §2.10, §4.2): Count partitions run to completion on distinct nodes through the bid
 * flow; failed partitions are retried elsewhere; the job completes when every partition has completed.
 */
public final class BatchScheduler implements Scheduler {
    static final String STOPPED_BY_USER = "Execution stop requested because job has been stopped";
    static final String NODE_LOST = "Execution stop requested because node has disappeared";
    static final String NODE_REJECTED = "Execution stop requested because node has been rejected";
    static final String TOO_MANY = "Execution stop requested because there are more executions than needed";
    static final String JOB_FAILED = "Execution stopped due to job failure";
    static final String JOB_UPDATED = "Execution stopped for job update";

    private final NodeSelector selector;

    public BatchScheduler(NodeSelector selector) {
        this.selector = selector;
    }

    @Override
    public Plan process(SchedulingContext ctx) {
        PlanBuilder plan = new PlanBuilder(ctx);
        Job job = ctx.job();
        if (job.isTerminal()) {
            stopAll(ctx, plan, job.state().stateType() == JobStateType.Failed ? JOB_FAILED : STOPPED_BY_USER);
            return plan.build();
        }
        if (totalTimeoutPassed(ctx, plan)) return plan.build();
        failLostExecutions(ctx, plan);
        cancelOldVersions(ctx, plan);
        approveBids(ctx, plan);
        scheduleRemainingPartitions(ctx, plan);
        completeOrMarkRunning(ctx, plan);
        return plan.build();
    }

    private static void stopAll(SchedulingContext ctx, PlanBuilder plan, String reason) {
        for (Execution e : ctx.executions()) {
            if (!e.isTerminal()) plan.stop(e, ExecutionStateType.Cancelled, reason);
        }
    }

    /**
     * A job whose TotalTimeout (seconds since it was submitted) has passed fails, and its executions stop
     * (reference §3.2: "Job timed out. Job took longer than <d>").
     */
    private static boolean totalTimeoutPassed(SchedulingContext ctx, PlanBuilder plan) {
        long total = ctx.job().task().timeouts().totalTimeout();
        if (total <= 0 || ctx.nowNanos() - ctx.job().createTime() < Duration.ofSeconds(total).toNanos()) return false;
        String message = "Job timed out. Job took longer than " + io.bacalao.domain.config.Durations.format(Duration.ofSeconds(total));
        plan.jobState(JobStateType.Failed, message, Event.error(EventTopics.JOB_TIMEOUT, message, ctx.now())
                .withDetail(Event.DETAIL_HINT, "Increase the task timeout or allocate more resources"));
        for (Execution e : ctx.executions()) {
            if (!e.isTerminal()) plan.stop(e, ExecutionStateType.Cancelled, JOB_FAILED);
        }
        return true;
    }

    private static void failLostExecutions(SchedulingContext ctx, PlanBuilder plan) {
        Map<String, NodeState> nodes = ctx.nodesById();
        for (Execution e : ctx.executions()) {
            if (e.isTerminal()) continue;
            NodeState n = nodes.get(e.nodeId());
            if (n == null || n.connectionState().status() != NodeConnection.CONNECTED) {
                plan.stop(e, ExecutionStateType.Failed, NODE_LOST);
            }
        }
    }

    private static void cancelOldVersions(SchedulingContext ctx, PlanBuilder plan) {
        for (Execution e : ctx.executions()) {
            if (e.jobVersion() != ctx.job().version() && !plan.planned(e).isTerminal()) {
                plan.stop(e, ExecutionStateType.Cancelled, JOB_UPDATED);
            }
        }
    }

    /** Per partition: the oldest accepted bid runs, other accepted bids are rejected (§3.3 step 4). */
    private static void approveBids(SchedulingContext ctx, PlanBuilder plan) {
        Set<Integer> completed = completedPartitions(ctx, plan);
        Map<Integer, List<Execution>> byPartition = live(ctx, plan).stream()
                .collect(Collectors.groupingBy(Execution::partitionIndex));
        byPartition.forEach((partition, execs) -> {
            boolean taken = completed.contains(partition)
                    || execs.stream().anyMatch(e -> e.desired() == DesiredStateType.Running);
            List<Execution> accepted = execs.stream()
                    .filter(e -> e.state() == ExecutionStateType.AskForBidAccepted && e.desired() == DesiredStateType.Pending)
                    .sorted(Comparator.comparingLong(Execution::modifyTime))
                    .toList();
            for (Execution e : accepted) {
                if (!taken) {
                    plan.update(e, DesiredState.of(DesiredStateType.Running, "execution approved"),
                            ComputeState.of(ExecutionStateType.BidAccepted),
                            Event.of(EventTopics.EXECUTION, EventTopics.RUNNING, ctx.now()));
                    taken = true;
                } else {
                    plan.stop(e, ExecutionStateType.BidRejected, NODE_REJECTED);
                }
            }
        });
    }

    private void scheduleRemainingPartitions(SchedulingContext ctx, PlanBuilder plan) {
        Job job = ctx.job();
        Set<Integer> used = live(ctx, plan).stream().map(Execution::partitionIndex).collect(Collectors.toSet());
        used.addAll(completedPartitions(ctx, plan));
        List<Integer> remaining = IntStream.range(0, job.count()).filter(p -> !used.contains(p)).boxed().toList();
        if (remaining.isEmpty()) return;

        List<Execution> known = new ArrayList<>(ctx.executions().stream().map(plan::planned).toList());
        Selection selection = selector.select(RankingInput.of(job, known, ctx.settings().random()), ctx.schedulableNodes());
        List<RankedNode> nodes = selection.suitable();
        if (nodes.size() < remaining.size() && !mayWait(ctx, plan, selection, remaining.size())) return;

        int limit = Math.min(ctx.settings().maxNewExecutionsPerEvaluation(), Math.min(nodes.size(), remaining.size()));
        Resources request = Resources.parse(job.task().resources());
        for (int i = 0; i < limit; i++) {
            NodeState node = nodes.get(i).node();
            Execution e = Execution.create(Ids.newExecutionId(), job, node.id(), ctx.evaluation().id(), remaining.get(i),
                    DesiredState.of(DesiredStateType.Pending, ""), AllocatedResources.of(job.task().name(), request),
                    ctx.nowNanos());
            plan.create(e, Event.of(EventTopics.SCHEDULING, "Requested execution on " + Ids.shortId(node.id()), ctx.now())
                    .withDetail("NodeID", node.id()));
        }
        if (limit < Math.min(nodes.size(), remaining.size())) {
            plan.followUp(delayed(ctx, EvaluationTrigger.EXEC_LIMIT, ctx.settings().rateLimitBackoff()));
        }
    }

    /**
     * Not enough nodes: the job waits (re-evaluated after the queue backoff; Queued when no node fits at all) while
     * its queue timeout allows, and fails otherwise. Returns true when the nodes that do fit should still be used.
     */
    private static boolean mayWait(SchedulingContext ctx, PlanBuilder plan, Selection selection, int requested) {
        String reason = selection.notEnoughNodesMessage(requested);
        Duration queueTimeout = queueTimeout(ctx);
        Duration waited = Duration.ofNanos(Math.max(0, ctx.nowNanos() - ctx.job().createTime()));
        if (queueTimeout.isZero() || waited.compareTo(queueTimeout) >= 0) {
            plan.jobState(JobStateType.Failed, reason, Event.error(EventTopics.SCHEDULING, reason, ctx.now()));
            for (Execution e : ctx.executions()) {
                if (!plan.planned(e).isTerminal()) plan.stop(e, ExecutionStateType.Cancelled, JOB_FAILED);
            }
            return false;
        }
        if (selection.suitable().isEmpty() && queueable(ctx)) {
            plan.jobState(JobStateType.Queued, "Job queued. " + reason,
                    Event.of(EventTopics.QUEUEING, "Job queued. " + reason, ctx.now()));
        }
        Duration backoff = ctx.settings().queueBackoff();
        Duration left = queueTimeout.minus(waited);
        plan.followUp(delayed(ctx, EvaluationTrigger.JOB_QUEUE, backoff.compareTo(left) < 0 ? backoff : left));
        return true;
    }

    /** §3.2: only a fully unplaceable job is Queued, and only when Running or on its first (job-register) evaluation. */
    private static boolean queueable(SchedulingContext ctx) {
        JobStateType current = ctx.job().state().stateType();
        return current == JobStateType.Running
                || current == JobStateType.Pending && EvaluationTrigger.JOB_REGISTER.equals(ctx.evaluation().triggeredBy());
    }

    private static Duration queueTimeout(SchedulingContext ctx) {
        long spec = ctx.job().task().timeouts().queueTimeout();
        return spec > 0 ? Duration.ofSeconds(spec) : ctx.settings().defaultQueueTimeout();
    }

    private static void completeOrMarkRunning(SchedulingContext ctx, PlanBuilder plan) {
        Job job = ctx.job();
        if (plan.jobStateType().isTerminal()) return;
        Set<Integer> completed = completedPartitions(ctx, plan);
        // §3.2: Running when this plan approves an execution, and only if the plan left the job state alone.
        boolean approves = live(ctx, plan).stream().anyMatch(e -> plan.isUpdated(e) && e.desired() == DesiredStateType.Running);
        if (completed.size() >= job.count()) {
            for (Execution e : ctx.currentVersionExecutions()) {
                if (!plan.planned(e).isTerminal()) plan.stop(e, ExecutionStateType.Cancelled, TOO_MANY);
            }
            plan.jobState(JobStateType.Completed, "", Event.of(EventTopics.STATE_UPDATE, "Completed", ctx.now())
                    .withDetail(Event.DETAIL_NEW_STATE, "Completed"));
        } else if (approves && plan.jobStateType().isWaiting() && plan.jobStateType() == job.state().stateType()) {
            plan.jobState(JobStateType.Running, "", Event.of(EventTopics.STATE_UPDATE, "Running", ctx.now())
                    .withDetail(Event.DETAIL_NEW_STATE, "Running"));
        }
    }

    private static Set<Integer> completedPartitions(SchedulingContext ctx, PlanBuilder plan) {
        Set<Integer> completed = new TreeSet<>();
        for (Execution e : ctx.currentVersionExecutions()) {
            if (plan.planned(e).state() == ExecutionStateType.Completed) completed.add(e.partitionIndex());
        }
        return completed;
    }

    /** Current-version executions that are not terminal once this plan applies. */
    private static List<Execution> live(SchedulingContext ctx, PlanBuilder plan) {
        return ctx.currentVersionExecutions().stream().map(plan::planned).filter(e -> !e.isTerminal()).toList();
    }

    private static Evaluation delayed(SchedulingContext ctx, String trigger, Duration delay) {
        return Evaluation.create(ctx.job(), trigger, ctx.nowNanos()).delayedUntil(ctx.nowNanos() + delay.toNanos());
    }
}
