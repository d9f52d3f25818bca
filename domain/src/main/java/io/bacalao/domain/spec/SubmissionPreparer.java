package io.bacalao.domain.spec;

import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a submitted job into the job the orchestrator stores (reference §2.8): warnings for server-owned
 * fields, reserved meta stripped, one task, legacy wasm modules turned into inputs ({@link LegacyWasmModules}),
 * namespace and ID and Name filled, type-specific Count, defaults.
 */
public final class SubmissionPreparer {
    public static final String RESERVED_META_PREFIX = "bacalhau.org/";
    public static final String META_ORCHESTRATOR_ID = "bacalhau.org/orchestrator.id";
    public static final String META_REQUESTER_ID = "bacalhau.org/requester.id";

    private final JobDefaults defaults;
    private final String orchestratorId;
    private final SpecLimits limits;
    private final JobValidator validator;

    /** A preparer with the default {@link SpecLimits}. */
    public SubmissionPreparer(JobDefaults defaults, String orchestratorId) {
        this(defaults, orchestratorId, SpecLimits.defaults());
    }

    public SubmissionPreparer(JobDefaults defaults, String orchestratorId, SpecLimits limits) {
        this.defaults = defaults;
        this.orchestratorId = orchestratorId;
        this.limits = limits;
        this.validator = new JobValidator(limits);
    }

    /** Validates and prepares; throws {@link SpecException} when the job breaks a submission rule. */
    public Submission prepare(Job submitted) {
        if (submitted.tasks().size() > limits.maxTasks()) {
            throw new SpecException("too many tasks: " + submitted.tasks().size() + " (at most " + limits.maxTasks() + ")");
        }
        List<String> warnings = new ArrayList<>();
        Job job = LegacyWasmModules.convert(sanitize(submitted, warnings));
        validator.validate(job);
        JobType type = job.jobType();
        job = job.withBookkeeping(JobState.of(JobStateType.Pending), 0, 0, 0, 0);
        if (job.namespace().isBlank()) job = job.withNamespace(Job.DEFAULT_NAMESPACE);
        if (job.id().isBlank()) job = job.withId(Ids.newJobId());
        if (job.name().isBlank()) job = job.withName(job.id());
        if (type.runsOnAllNodes()) job = job.withCount(0);
        job = job.withMeta(withServerMeta(job.meta()));
        job = applyDefaults(job, type);
        JobValidator.validateForStore(job);
        return new Submission(job, warnings);
    }

    private Job sanitize(Job job, List<String> warnings) {
        if (job.state().stateType() != JobStateType.Undefined) warnings.add("job state is ignored when submitting a job");
        if (job.revision() != 0) warnings.add("job revision is ignored when submitting a job");
        if (job.version() != 0) warnings.add("job version is ignored when submitting a job");
        if (job.createTime() != 0) warnings.add("job create time is ignored when submitting a job");
        if (job.modifyTime() != 0) warnings.add("job modify time is ignored when submitting a job");
        JobType type = JobType.find(job.type()).orElse(null);
        if (!job.id().isBlank() && (type == JobType.BATCH || type == JobType.OPS)) {
            warnings.add("job ID is ignored when submitting a batch job");
            job = job.withId("");
        }
        if (job.tasks().size() > 1) {
            warnings.add("only one task is supported per job");
            job = job.withTasks(job.tasks().subList(0, 1));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : job.meta().entrySet()) {
            if (e.getKey().startsWith(RESERVED_META_PREFIX)) {
                warnings.add("job meta key \"" + e.getKey() + "\" is reserved and will be ignored");
            } else {
                meta.put(e.getKey(), e.getValue());
            }
        }
        return job.withMeta(meta);
    }

    private Map<String, String> withServerMeta(Map<String, String> meta) {
        Map<String, String> m = new LinkedHashMap<>(meta);
        m.put(META_ORCHESTRATOR_ID, orchestratorId);
        m.put(META_REQUESTER_ID, orchestratorId);
        return m;
    }

    private Job applyDefaults(Job job, JobType type) {
        JobDefaults.TypeDefaults d = defaults.of(type);
        if (job.priority() == 0) job = job.withPriority(d.priority());
        Task task = job.task();
        task = task.withResources(task.resources().orElse(d.resources()));
        if (!type.isLongRunning()) {
            if (task.publisher().isEmpty() && !d.publisher().isEmpty()) task = task.withPublisher(d.publisher());
            TimeoutConfig t = task.timeouts();
            task = task.withTimeouts(new TimeoutConfig(
                    t.executionTimeout() > 0 ? t.executionTimeout() : d.executionTimeout(),
                    t.queueTimeout(),
                    t.totalTimeout() > 0 ? t.totalTimeout() : d.totalTimeout()));
        }
        return job.withTask(task);
    }
}
