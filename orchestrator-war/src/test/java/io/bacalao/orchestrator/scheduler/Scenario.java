package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationStatus;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.UnixNanos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One scheduling situation: a job, the cluster's nodes, the job's executions and the evaluation, at a fixed
 * {@link #NOW} with a seeded random. {@link #schedule()} runs the job type's scheduler and returns the plan to check.
 */
public final class Scenario {
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final long SEED = 42;
    public static final String EVAL_ID = "eval-5f0e1c2a";

    private final JobBuilder job;
    private final List<NodeBuilder> nodes = new ArrayList<>();
    private final List<ExecutionBuilder> executions = new ArrayList<>();
    private String trigger = EvaluationTrigger.JOB_REGISTER;
    private Duration queueBackoff = Duration.ofMinutes(1);
    private Duration defaultQueueTimeout = Duration.ZERO;
    private boolean preApproved;

    private Scenario(JobBuilder job) {
        this.job = job;
    }

    public static Scenario given(JobBuilder job) {
        return new Scenario(job);
    }

    public Scenario nodes(NodeBuilder... n) {
        nodes.addAll(Arrays.asList(n));
        return this;
    }

    /** Plain nodes numbered 1..count. */
    public Scenario nodes(int count) {
        IntStream.rangeClosed(1, count).forEach(i -> nodes.add(NodeBuilder.aNode(i)));
        return this;
    }

    public Scenario executions(ExecutionBuilder... e) {
        executions.addAll(Arrays.asList(e));
        return this;
    }

    public Scenario triggeredBy(String t) {
        trigger = t;
        return this;
    }

    public Scenario queueBackoff(Duration d) {
        queueBackoff = d;
        return this;
    }

    /** The orchestrator's QueueTimeout for batch and service jobs whose spec sets none (0 = fail at once). */
    public Scenario defaultQueueTimeout(Duration d) {
        defaultQueueTimeout = d;
        return this;
    }

    /**
     * Batch and service placements pre-approved ({@code Orchestrator.Scheduler.PreApprovedPlacements}, on in a
     * deployment); scenarios place them waiting for their bid unless they say so.
     */
    public Scenario preApprovedPlacements() {
        preApproved = true;
        return this;
    }

    public SchedulerSettings settings() {
        SchedulerSettings standard = SchedulerSettings.standard(new Random(SEED));
        return new SchedulerSettings(queueBackoff, Map.of(JobType.BATCH, defaultQueueTimeout,
                JobType.SERVICE, defaultQueueTimeout), standard.maxNewExecutionsPerEvaluation(),
                standard.rateLimitBackoff(), standard.random(), preApproved);
    }

    public SchedulingContext context() {
        Job j = job.build(NOW);
        Evaluation eval = new Evaluation(EVAL_ID, j.namespace(), j.id(), trigger, j.priority(), j.type(),
                EvaluationStatus.PENDING, "", 0, UnixNanos.of(NOW), UnixNanos.of(NOW));
        return new SchedulingContext(j, executions.stream().map(e -> e.build(j, NOW)).toList(),
                nodes.stream().map(n -> n.build(NOW)).toList(), eval, NOW, settings());
    }

    /** Runs the scheduler of the job's type (batch unless the job builder says otherwise). */
    public PlanAssert schedule() {
        SchedulingContext ctx = context();
        Scheduler scheduler = Schedulers.standard().forType(ctx.job().jobType()).orElseThrow();
        return new PlanAssert(scheduler.process(ctx), ctx);
    }
}
