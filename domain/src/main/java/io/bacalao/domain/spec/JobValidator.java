package io.bacalao.domain.spec;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.model.TimeoutConfig;
import io.bacalao.domain.selector.Requirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bacalhau's submission rules (reference §2.9) with its user-facing messages, plus Bacalao's bounds
 * ({@link SpecLimits}: sizes, Count, timeouts) and mount point rules ({@link PathRules}). All errors are collected
 * and joined with newlines, as Go's errors.Join does.
 */
public final class JobValidator {
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final String RESERVED_ENV_PREFIX = "BACALHAU_";

    private final SpecLimits limits;
    private final SizeRules sizes;
    private final PathRules paths;

    public JobValidator(SpecLimits limits) {
        this.limits = limits;
        this.sizes = new SizeRules(limits);
        this.paths = new PathRules(limits);
    }

    /** Throws {@link SpecException} listing every problem of a submitted job, with the default limits. */
    public static void validateSubmission(Job job) {
        new JobValidator(SpecLimits.defaults()).validate(job);
    }

    /** Throws {@link SpecException} listing every problem of a submitted job. */
    public void validate(Job job) {
        throwIfAny(submissionErrors(job));
    }

    /** The rules the store adds once IDs and defaults are set. */
    public static void validateForStore(Job job) {
        List<String> errors = new ArrayList<>();
        checkIdentifier(errors, "job ID", job.id(), true);
        checkIdentifier(errors, "job name", job.name(), false);
        checkIdentifier(errors, "job namespace", job.namespace(), false);
        for (Task t : job.tasks()) {
            if (!t.resultPaths().isEmpty() && t.publisher().isEmpty()) {
                errors.add("publisher must be set if result paths are set");
            }
        }
        if (!errors.isEmpty()) throw new StoreValidationException(String.join("\n", errors));
    }

    public List<String> submissionErrors(Job job) {
        List<String> errors = new ArrayList<>(sizes.jobErrors(job));
        Optional<JobType> type = JobType.find(job.type());
        if (job.type().isBlank()) {
            errors.add("missing job type");
        } else if (type.isEmpty()) {
            errors.add("invalid job type: \"" + Texts.quote(job.type()) + "\"");
        }
        if (job.count() < 0) errors.add("job count must be >= 0");
        if (job.count() > limits.maxJobCount()) {
            errors.add("job count " + job.count() + " is more than the maximum of " + limits.maxJobCount()
                    + " (Orchestrator.MaxJobCount)");
        }
        if (type.isPresent() && type.get().runsOnAllNodes() && job.count() > 1) {
            errors.add(type.get().json() + " jobs cannot specify count > 1 as they run on all matching nodes");
        }
        for (int i = 0; i < job.constraints().size(); i++) {
            try {
                Requirement.of(job.constraints().get(i));
            } catch (IllegalArgumentException e) {
                errors.add("constraint " + (i + 1) + " validation failed: " + e.getMessage());
            }
        }
        if (job.tasks().isEmpty()) {
            errors.add("missing job tasks");
        }
        for (Task task : job.tasks()) {
            List<String> taskErrors = taskErrors(task, type.orElse(JobType.BATCH));
            if (!taskErrors.isEmpty()) {
                errors.add("task " + Texts.quote(task.name()) + " validation failed: " + String.join("\n", taskErrors));
            }
        }
        return errors;
    }

    private List<String> taskErrors(Task task, JobType type) {
        List<String> errors = new ArrayList<>();
        if (task.name().isBlank()) errors.add("missing task name");
        sizes.name(errors, "task name", task.name());
        if (task.engine().isEmpty()) errors.add("invalid engine: missing spec type");
        timeoutError(task.timeouts(), type).ifPresent(e -> errors.add("invalid timeouts: " + e));
        try {
            Resources.parse(task.resources());
        } catch (IllegalArgumentException e) {
            errors.add("invalid resources: " + e.getMessage());
        }
        errors.addAll(sizes.taskErrors(task));
        errors.addAll(inputErrors(task.inputSources()));
        // the mount point rules compare every pair: only within the limits, so that they stay cheap
        if (task.inputSources().size() <= limits.maxInputs() && task.resultPaths().size() <= limits.maxResults()) {
            errors.addAll(paths.inputErrors(task.inputSources()));
            errors.addAll(paths.outputErrors(task.resultPaths(), task.inputSources()));
        }
        errors.addAll(envErrors(task));
        errors.addAll(NetworkRules.errors(task.engine(), task.network()));
        return errors;
    }

    /**
     * Timeouts are seconds; each must lie in [0, maxTimeoutSeconds] so that converting it to nanoseconds and
     * adding it to a time never overflows (checked before the sum rule, which then cannot overflow either).
     */
    private Optional<String> timeoutError(TimeoutConfig t, JobType type) {
        if (t.executionTimeout() < 0 || t.queueTimeout() < 0 || t.totalTimeout() < 0) {
            return Optional.of("timeouts must be >= 0 (ExecutionTimeout " + t.executionTimeout() + ", QueueTimeout "
                    + t.queueTimeout() + ", TotalTimeout " + t.totalTimeout() + ")");
        }
        long max = limits.maxTimeoutSeconds();
        if (t.executionTimeout() > max || t.queueTimeout() > max || t.totalTimeout() > max) {
            return Optional.of("timeouts must be at most " + max + " seconds (10 years) (ExecutionTimeout "
                    + t.executionTimeout() + ", QueueTimeout " + t.queueTimeout() + ", TotalTimeout "
                    + t.totalTimeout() + ")");
        }
        if (type.isLongRunning() && (t.executionTimeout() > 0 || t.totalTimeout() > 0)) {
            return Optional.of(type.json() + " jobs are long running and cannot have ExecutionTimeout or TotalTimeout");
        }
        if (t.totalTimeout() > 0 && t.executionTimeout() + t.queueTimeout() > t.totalTimeout()) {
            return Optional.of("the sum of execution timeout (" + t.executionTimeout() + "s) and queue timeout ("
                    + t.queueTimeout() + "s) must not exceed the total timeout (" + t.totalTimeout() + "s)");
        }
        return Optional.empty();
    }

    private static List<String> inputErrors(List<InputSource> inputs) {
        List<String> errors = new ArrayList<>();
        Set<String> aliases = new HashSet<>();
        for (InputSource in : inputs) {
            if (in.source() == null || in.source().isEmpty()) {
                errors.add("invalid input sources: input source is missing a source type");
            }
            if (in.target().isBlank()) {
                errors.add("invalid input sources: input source is missing a target");
            }
            if (!in.alias().isBlank() && !aliases.add(in.alias())) {
                errors.add("input source with alias '" + Texts.quote(in.alias()) + "' already exists");
            }
        }
        return errors;
    }

    private static List<String> envErrors(Task task) {
        List<String> errors = new ArrayList<>();
        task.env().forEach((name, value) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                errors.add("invalid env: name '" + Texts.quote(name)
                        + "' must be upper-case letters, digits and underscores, starting with a letter");
            } else if (name.startsWith(RESERVED_ENV_PREFIX)) {
                errors.add("invalid env: name '" + Texts.quote(name) + "' must not start with " + RESERVED_ENV_PREFIX);
            }
            if (value == null || value.isEmpty()) errors.add("invalid env: value of '" + Texts.quote(name) + "' is empty");
        });
        return errors;
    }

    private static void checkIdentifier(List<String> errors, String what, String value, boolean noSpaces) {
        if (value == null || value.isBlank()) {
            errors.add(what + " is missing");
        } else if (noSpaces && value.chars().anyMatch(Character::isWhitespace)) {
            errors.add(what + " '" + Texts.quote(value) + "' must not contain whitespace");
        } else if (value.indexOf(0) >= 0) {
            errors.add(what + " must not contain null characters");
        }
    }

    private static void throwIfAny(List<String> errors) {
        if (!errors.isEmpty()) throw new SpecException(String.join("\n", errors));
    }
}
