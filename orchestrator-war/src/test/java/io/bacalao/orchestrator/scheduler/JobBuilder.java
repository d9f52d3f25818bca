package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.LabelSelectorRequirement;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import io.bacalao.domain.model.UnixNanos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A job for scenarios: {@code aJob().count(3).constraint("region", "=", "eu")}, {@code aJob().type("ops")}.
 * Defaults: count 1, one docker task without resources or queue timeout, Pending, version 1, created at "now".
 */
public final class JobBuilder {
    public static final String JOB_ID = "j-5f0e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    private String type = "batch";
    private int count = 1;
    private int priority = 50;
    private Duration executionTimeout = Duration.ZERO;
    private String engine = "docker";
    private String publisher = "";
    private final List<InputSource> inputs = new ArrayList<>();
    private final List<LabelSelectorRequirement> constraints = new ArrayList<>();
    private ResourcesConfig resources = ResourcesConfig.EMPTY;
    private Duration queueTimeout = Duration.ZERO;
    private Duration totalTimeout = Duration.ZERO;
    private JobState state = JobState.of(JobStateType.Pending);
    private long version = 1;
    private Duration age = Duration.ZERO;

    private JobBuilder() {
    }

    public static JobBuilder aJob() {
        return new JobBuilder();
    }

    /** The job type: batch (default), service, ops or daemon. Ops and daemon jobs get Count 0. */
    public JobBuilder type(String t) {
        type = t;
        if (t.equals("ops") || t.equals("daemon")) count = 0;
        return this;
    }

    public JobBuilder priority(int p) {
        priority = p;
        return this;
    }

    /** ExecutionTimeout of the task spec (whole seconds). */
    public JobBuilder executionTimeout(Duration d) {
        executionTimeout = d;
        return this;
    }

    public JobBuilder count(int c) {
        count = c;
        return this;
    }

    public JobBuilder engine(String type) {
        engine = type;
        return this;
    }

    public JobBuilder publisher(String type) {
        publisher = type;
        return this;
    }

    public JobBuilder inputFrom(String sourceType) {
        inputs.add(new InputSource(SpecConfig.of(sourceType), "", "/inputs/" + inputs.size()));
        return this;
    }

    public JobBuilder constraint(String key, String operator, String... values) {
        constraints.add(new LabelSelectorRequirement(key, operator, List.of(values)));
        return this;
    }

    public JobBuilder resources(String cpu, String memory) {
        resources = new ResourcesConfig(cpu, memory, null, null);
        return this;
    }

    public JobBuilder resources(ResourcesConfig r) {
        resources = r;
        return this;
    }

    /** TotalTimeout of the task spec (whole seconds). */
    public JobBuilder totalTimeout(Duration d) {
        totalTimeout = d;
        return this;
    }

    /** QueueTimeout of the task spec (whole seconds). */
    public JobBuilder queueTimeout(Duration d) {
        queueTimeout = d;
        return this;
    }

    public JobBuilder state(JobStateType type) {
        return state(type, "");
    }

    public JobBuilder state(JobStateType type, String message) {
        state = new JobState(type, message, state.details());
        return this;
    }

    /** The job state's details (a placement explanation from an earlier evaluation, say). */
    public JobBuilder details(java.util.Map<String, String> d) {
        state = new JobState(state.stateType(), state.message(), d);
        return this;
    }

    public JobBuilder version(long v) {
        version = v;
        return this;
    }

    /** How long before the scenario's "now" the job was created (the queue timeout counts from there). */
    public JobBuilder createdAgo(Duration d) {
        age = d;
        return this;
    }

    public long version() {
        return version;
    }

    public Job build(Instant now) {
        Task task = Task.of("main", SpecConfig.of(engine)).withPublisher(SpecConfig.of(publisher))
                .withInputSources(inputs).withResources(resources)
                .withTimeouts(new TimeoutConfig(executionTimeout.toSeconds(), queueTimeout.toSeconds(), totalTimeout.toSeconds()));
        long created = UnixNanos.of(now.minus(age));
        return new Job(JOB_ID, "scenario", Job.DEFAULT_NAMESPACE, type, priority, count, constraints, null, null,
                List.of(task), state, version, 7, created, created);
    }
}
