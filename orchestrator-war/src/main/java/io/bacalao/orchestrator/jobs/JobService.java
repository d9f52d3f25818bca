package io.bacalao.orchestrator.jobs;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.spec.Submission;
import io.bacalao.orchestrator.results.S3ManagedUrls;
import io.bacalao.orchestrator.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Submitting, updating, rerunning, diffing and stopping jobs (reference §1.4). The job and its evaluation are stored in one
 * transaction by the store's writer; the evaluation is queued after that commit (and re-queued by the sweep if that
 * send is lost).
 */
@ApplicationScoped
public class JobService {
    @Inject
    JobStore store;
    @Inject
    JobDefaultsProvider defaults;
    @Inject
    Clock clock;
    @Inject
    S3ManagedUrls s3Managed;

    public SubmitResult submit(Job submitted, boolean force) {
        return ConcurrentChanges.retried(() -> submitOnce(submitted, force));
    }

    private SubmitResult submitOnce(Job submitted, boolean force) {
        Submission prepared = defaults.preparer().prepare(submitted);
        Job job = prepared.job();
        if (s3Managed != null) s3Managed.refuseIfUnavailable(job);
        Instant now = clock.instant();
        long nanos = UnixNanos.of(now);
        Optional<Job> existing = store.findByName(job.name(), job.namespace());
        Evaluation eval;
        if (existing.isPresent()) {
            Job old = existing.get();
            if (!force && SpecComparison.sameSpec(job.withId(old.id()), old)) {
                throw BacalaoException.plain("no changes detected for new job spec. Job Name: '" + old.name()
                        + "', Job Id: '" + old.id() + "'", "Use the --force flag to override this warning");
            }
            Job updated = job.withId(old.id()).withBookkeeping(JobState.of(JobStateType.Pending, "Job update requested by user"),
                    old.version() + 1, old.revision() + 1, old.createTime(), nanos);
            eval = Evaluation.create(updated, EvaluationTrigger.JOB_UPDATE, nanos);
            store.replace(updated, old.revision(), eval, Event.of(EventTopics.SUBMISSION, EventTopics.JOB_UPDATED, now),
                    true, now);
            job = updated;
        } else {
            job = job.withBookkeeping(JobState.of(JobStateType.Pending), 1, 1, nanos, nanos);
            eval = Evaluation.create(job, EvaluationTrigger.JOB_REGISTER, nanos);
            store.create(job, eval, Event.of(EventTopics.SUBMISSION, EventTopics.JOB_SUBMITTED, now), now);
        }
        return new SubmitResult(job.id(), eval.id(), prepared.warnings());
    }

    /**
     * Stops a job: Stopped at once with the reason, then an evaluation cancels its executions. Returns the
     * evaluation ID, empty when the job was already stopped or had ended (no evaluation is needed).
     */
    public String stop(String idOrName, String namespace, String reason) {
        return ConcurrentChanges.retried(() -> stopOnce(idOrName, namespace, reason));
    }

    private String stopOnce(String idOrName, String namespace, String reason) {
        Job job = store.resolve(idOrName, namespace);
        JobStateType state = job.state().stateType();
        if (state == JobStateType.Stopped) return "";
        if (!state.canTransitionTo(JobStateType.Stopped)) {
            throw BacalaoException.plain("cannot stop job in state " + state, null);
        }
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "Stopped at user request" : reason;
        long nanos = UnixNanos.of(now);
        Job stopped = job.transitionTo(JobState.of(JobStateType.Stopped, why), nanos);
        Evaluation eval = state.isTerminal() ? null : Evaluation.create(stopped, EvaluationTrigger.JOB_CANCEL, nanos);
        store.replace(stopped, job.revision(), eval,
                Event.of(EventTopics.STATE_UPDATE, EventTopics.JOB_STOP_REQUESTED, now).withDetail("Reason", why), false, now);
        return eval == null ? "" : eval.id();
    }

    /**
     * Runs a stored version of a job again (reference §1.4 rerun): version 0 means the latest. The spec of that
     * version becomes the latest version + 1, Pending, with a {@code job-rerun} evaluation. A job that is still
     * waiting (Pending, Queued) is refused.
     */
    public RerunResult rerun(String idOrName, String namespace, long version, String reason) {
        return ConcurrentChanges.retried(() -> rerunOnce(idOrName, namespace, version, reason));
    }

    private RerunResult rerunOnce(String idOrName, String namespace, long version, String reason) {
        Job job = store.resolve(idOrName, namespace);
        JobStateType state = job.state().stateType();
        if (state == JobStateType.Pending || state == JobStateType.Queued || state == JobStateType.Undefined) {
            throw BacalaoException.plain("cannot rerun job in state " + state,
                    "try to use the job run command instead of the job rerun command");
        }
        Job spec = version == 0 || version == job.version() ? job : store.versions(job.id()).stream()
                .filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> BacalaoException.notFound(JobStore.COMPONENT,
                        "job " + job.id() + " has no version " + version));
        Instant now = clock.instant();
        String why = reason == null || reason.isBlank() ? "job rerun" : reason;
        long nanos = UnixNanos.of(now);
        Job rerun = spec.withBookkeeping(JobState.of(JobStateType.Pending, "job rerun"), job.version() + 1,
                job.revision() + 1, job.createTime(), nanos);
        Evaluation eval = Evaluation.create(rerun, EvaluationTrigger.JOB_RERUN, nanos);
        store.replace(rerun, job.revision(), eval,
                Event.of(EventTopics.SUBMISSION, EventTopics.JOB_RERUN, now).withDetail("Reason", why), true, now);
        return new RerunResult(job.id(), rerun.version(), eval.id());
    }

    /** What a rerun returns: the job, its new version and the evaluation that schedules it. */
    public record RerunResult(String jobId, long jobVersion, String evaluationId) {
    }

    /**
     * The difference between a submitted spec (prepared as a submission would be) and the stored job with the
     * same Name; a spec without a Name is refused, an unknown Name is a 404.
     */
    public DiffResult diff(Job submitted) {
        if (submitted.name().isBlank()) {
            throw new BacalaoException(ErrorCode.VALIDATION_ERROR, "APIServer", "invalid job spec: name is missing", null);
        }
        Submission prepared = defaults.preparer().prepare(submitted);
        Job job = prepared.job();
        Job stored = store.findByName(job.name(), job.namespace())
                .orElseThrow(() -> BacalaoException.notFound(JobStore.COMPONENT, "job not found: " + job.name()));
        return new DiffResult(SpecDiff.between(stored, job.withId(stored.id())), prepared.warnings());
    }

    public record DiffResult(String diff, java.util.List<String> warnings) {
    }
}
