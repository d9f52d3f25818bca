package io.bacalao.orchestrator.jobs;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.NodeState;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.nodes.NodeSnapshot;
import io.bacalao.orchestrator.scheduler.Plan;
import io.bacalao.orchestrator.scheduler.PlannedEvent;
import io.bacalao.orchestrator.scheduler.SchedulerSettings;
import io.bacalao.orchestrator.scheduler.Schedulers;
import io.bacalao.orchestrator.scheduler.SchedulingContext;
import io.bacalao.orchestrator.store.InlineScheduler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns an evaluation and what the scheduler may see into a plan: the scheduler of the job's type, or a plan
 * that fails a job of a type no scheduler handles. Used by the queue's workers ({@link EvaluationWorker}) and,
 * as the store's {@link InlineScheduler}, inside the transaction that stored the evaluation.
 */
@ApplicationScoped
public class Planner implements InlineScheduler {
    @Inject
    NodeSettings settings;
    @Inject
    NodeSnapshot nodes;

    private Schedulers schedulers;
    private SchedulerSettings schedulerSettings;
    private boolean inline;

    @PostConstruct
    void init() {
        schedulers = Schedulers.standard();
        schedulerSettings = schedulerSettings(settings);
        inline = settings.config().getBool(ConfigKeys.INLINE_EVALUATION);
    }

    /**
     * QueueBackoff and, per job type, the default QueueTimeout ({@code JobDefaults.<Type>.Task.Timeouts.QueueTimeout};
     * ops and daemon jobs never queue); Bacalhau's fixed rate limit of 20 executions per evaluation, 100 ms apart;
     * whether batch and service placements are pre-approved ({@code Orchestrator.Scheduler.PreApprovedPlacements}).
     */
    static SchedulerSettings schedulerSettings(NodeSettings settings) {
        Map<JobType, Duration> queueTimeouts = new EnumMap<>(JobType.class);
        queueTimeouts.put(JobType.BATCH, settings.duration("JobDefaults.Batch.Task.Timeouts.QueueTimeout"));
        queueTimeouts.put(JobType.SERVICE, settings.duration("JobDefaults.Service.Task.Timeouts.QueueTimeout"));
        return new SchedulerSettings(settings.duration(ConfigKeys.QUEUE_BACKOFF), queueTimeouts, 20,
                Duration.ofMillis(100), new Random(), settings.config().getBool(ConfigKeys.PRE_APPROVED_PLACEMENTS));
    }

    @Override
    public boolean enabled() {
        return inline;
    }

    @Override
    public Plan plan(Job job, List<Execution> executions, Evaluation evaluation, Instant now) {
        return plan(job, executions, nodes.all(), evaluation, now);
    }

    public Plan plan(Job job, List<Execution> executions, List<NodeState> nodes, Evaluation evaluation, Instant now) {
        SchedulingContext ctx = new SchedulingContext(job, executions, nodes, evaluation, now, schedulerSettings);
        return JobType.find(job.type()).flatMap(schedulers::forType).map(s -> s.process(ctx))
                .orElseGet(() -> unsupported(ctx));
    }

    /** A job type without a scheduler fails with a message instead of waiting forever. */
    private static Plan unsupported(SchedulingContext ctx) {
        String msg = "job type " + ctx.job().type() + " cannot be scheduled by this orchestrator";
        if (ctx.job().isTerminal()) {
            return new Plan(ctx.evaluation(), ctx.job().id(), ctx.job().revision(), List.of(), List.of(), null,
                    List.of(), List.of());
        }
        return new Plan(ctx.evaluation(), ctx.job().id(), ctx.job().revision(), List.of(), List.of(),
                JobState.of(JobStateType.Failed, msg), List.of(),
                List.of(PlannedEvent.job(Event.error(EventTopics.SCHEDULING, msg, ctx.now()))));
    }
}
