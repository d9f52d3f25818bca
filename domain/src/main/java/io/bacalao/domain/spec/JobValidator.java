package io.bacalao.domain.spec;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResultPath;
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
 * Bacalhau's submission rules (reference §2.9) with its user-facing messages. All errors are collected
 * and joined with newlines, as Go's errors.Join does.
 */
public final class JobValidator {
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final String RESERVED_ENV_PREFIX = "BACALHAU_";

    private JobValidator() {
    }

    /** Throws {@link SpecException} listing every problem of a submitted job. */
    public static void validateSubmission(Job job) {
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

    public static List<String> submissionErrors(Job job) {
        List<String> errors = new ArrayList<>();
        Optional<JobType> type = JobType.find(job.type());
        if (job.type().isBlank()) {
            errors.add("missing job type");
        } else if (type.isEmpty()) {
            errors.add("invalid job type: \"" + job.type() + "\"");
        }
        if (job.count() < 0) errors.add("job count must be >= 0");
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
                errors.add("task " + task.name() + " validation failed: " + String.join("\n", taskErrors));
            }
        }
        return errors;
    }

    private static List<String> taskErrors(Task task, JobType type) {
        List<String> errors = new ArrayList<>();
        if (task.name().isBlank()) errors.add("missing task name");
        if (task.engine().isEmpty()) errors.add("invalid engine: missing spec type");
        timeoutError(task.timeouts(), type).ifPresent(e -> errors.add("invalid timeouts: " + e));
        try {
            Resources.parse(task.resources());
        } catch (IllegalArgumentException e) {
            errors.add("invalid resources: " + e.getMessage());
        }
        errors.addAll(inputErrors(task.inputSources()));
        errors.addAll(outputErrors(task.resultPaths()));
        errors.addAll(envErrors(task));
        if (!task.network().domains().isEmpty() && task.network().type() != NetworkType.HTTP) {
            errors.add("invalid network: domains can only be set for HTTP network mode");
        }
        return errors;
    }

    private static Optional<String> timeoutError(TimeoutConfig t, JobType type) {
        if (t.executionTimeout() < 0 || t.queueTimeout() < 0 || t.totalTimeout() < 0) {
            return Optional.of("timeouts must be >= 0 (ExecutionTimeout " + t.executionTimeout() + ", QueueTimeout "
                    + t.queueTimeout() + ", TotalTimeout " + t.totalTimeout() + ")");
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
        Set<String> targets = new HashSet<>();
        for (InputSource in : inputs) {
            if (in.source() == null || in.source().isEmpty()) {
                errors.add("invalid input sources: input source is missing a source type");
            }
            if (in.target().isBlank()) {
                errors.add("invalid input sources: input source is missing a target");
            } else if (!targets.add(in.target())) {
                errors.add("input source with target '" + in.target() + "' already exists");
            }
            if (!in.alias().isBlank() && !aliases.add(in.alias())) {
                errors.add("input source with alias '" + in.alias() + "' already exists");
            }
        }
        return errors;
    }

    private static List<String> outputErrors(List<ResultPath> outputs) {
        List<String> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (ResultPath out : outputs) {
            if (out.name().isBlank()) errors.add("invalid output: result path name is missing");
            if (out.path().isBlank()) {
                errors.add("invalid output: result path `" + out.name() + "` is missing a path");
            } else if (!out.path().startsWith("/")) {
                errors.add("invalid output: result path `" + out.path() + "` must be absolute");
            }
            if (!out.name().isBlank() && !names.add(out.name())) {
                errors.add("invalid output: result path name `" + out.name() + "` is used more than once");
            }
            if (!out.path().isBlank() && !paths.add(out.path())) {
                errors.add("invalid output: result path `" + out.path() + "` is used more than once");
            }
        }
        return errors;
    }

    private static List<String> envErrors(Task task) {
        List<String> errors = new ArrayList<>();
        task.env().forEach((name, value) -> {
            if (!ENV_NAME.matcher(name).matches()) {
                errors.add("invalid env: name '" + name + "' must be upper-case letters, digits and underscores, starting with a letter");
            } else if (name.startsWith(RESERVED_ENV_PREFIX)) {
                errors.add("invalid env: name '" + name + "' must not start with " + RESERVED_ENV_PREFIX);
            }
            if (value == null || value.isEmpty()) errors.add("invalid env: value of '" + name + "' is empty");
        });
        return errors;
    }

    private static void checkIdentifier(List<String> errors, String what, String value, boolean noSpaces) {
        if (value == null || value.isBlank()) {
            errors.add(what + " is missing");
        } else if (noSpaces && value.chars().anyMatch(Character::isWhitespace)) {
            errors.add(what + " '" + value + "' must not contain whitespace");
        } else if (value.indexOf(0) >= 0) {
            errors.add(what + " must not contain null characters");
        }
    }

    private static void throwIfAny(List<String> errors) {
        if (!errors.isEmpty()) throw new SpecException(String.join("\n", errors));
    }
}
