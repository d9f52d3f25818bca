package io.bacalao.domain.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The size and character limits of {@link SpecLimits}, with messages that name the field and the limit. */
final class SizeRules {
    private final SpecLimits limits;

    SizeRules(SpecLimits limits) {
        this.limits = limits;
    }

    /** Limits on the job as submitted, before extra tasks are dropped. */
    List<String> jobErrors(Job job) {
        List<String> errors = new ArrayList<>();
        specBytes(job, errors);
        name(errors, "job name", job.name());
        name(errors, "job namespace", job.namespace());
        name(errors, "job ID", job.id());
        count(errors, "tasks", job.tasks(), limits.maxTasks());
        count(errors, "constraints", job.constraints(), limits.maxConstraints());
        map(errors, "label", job.labels(), limits.maxLabels(), limits.maxLabelValueLength());
        map(errors, "meta", job.meta(), limits.maxMeta(), limits.maxMetaValueLength());
        for (int i = 0; i < job.constraints().size(); i++) {
            var c = job.constraints().get(i);
            if (c.key().length() > limits.maxKeyLength() || Texts.hasControlCharacter(c.key())) {
                errors.add("constraint " + (i + 1) + " validation failed: key must be at most " + limits.maxKeyLength()
                        + " characters without control characters");
            }
            count(errors, "values of constraint " + (i + 1), c.values(), limits.maxListParam());
        }
        return errors;
    }

    List<String> taskErrors(Task task) {
        List<String> errors = new ArrayList<>();
        count(errors, "input sources", task.inputSources(), limits.maxInputs());
        count(errors, "result paths", task.resultPaths(), limits.maxResults());
        map(errors, "task meta", task.meta(), limits.maxMeta(), limits.maxMetaValueLength());
        count(errors, "env variables", task.env().keySet(), limits.maxEnv());
        task.env().forEach((k, v) -> {
            if (k.length() > limits.maxNameLength()) {
                errors.add("invalid env: name `" + Texts.quote(k) + "` is longer than " + limits.maxNameLength()
                        + " characters");
            }
            if (v != null && v.length() > limits.maxEnvValueLength()) {
                errors.add("invalid env: value of '" + Texts.quote(k) + "' is longer than "
                        + limits.maxEnvValueLength() + " characters");
            } else if (v != null && v.indexOf(0) >= 0) {
                errors.add("invalid env: value of '" + Texts.quote(k) + "' must not contain null characters");
            }
        });
        params(errors, "engine", task.engine());
        params(errors, "publisher", task.publisher());
        for (InputSource in : task.inputSources()) {
            if (in.alias().length() > limits.maxNameLength() || Texts.hasControlCharacter(in.alias())) {
                errors.add("invalid input sources: alias `" + Texts.quote(in.alias()) + "` must be at most "
                        + limits.maxNameLength() + " characters without control characters");
            }
            if (in.source() != null) params(errors, "input source", in.source());
        }
        return errors;
    }

    /** Bacalhau refuses NUL in names; Bacalao refuses all control characters and overlong names. */
    void name(List<String> errors, String what, String value) {
        if (value.length() > limits.maxNameLength()) {
            errors.add(what + " is longer than " + limits.maxNameLength() + " characters");
        } else if (value.indexOf(0) >= 0) {
            errors.add(what + " must not contain null characters");
        } else if (Texts.hasControlCharacter(value)) {
            errors.add(what + " `" + Texts.quote(value) + "` must not contain control characters");
        }
    }

    private void specBytes(Job job, List<String> errors) {
        try {
            int bytes = Json.mapper().writeValueAsBytes(job).length;
            if (bytes > limits.maxSpecBytes()) {
                errors.add("the job spec is " + bytes + " bytes, more than the limit of " + limits.maxSpecBytes()
                        + " bytes");
            }
        } catch (JsonProcessingException e) {
            errors.add("the job spec cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private void map(List<String> errors, String what, Map<String, String> map, int maxEntries, int maxValue) {
        count(errors, what + " entries", map.keySet(), maxEntries);
        map.forEach((k, v) -> {
            if (k.isEmpty() || k.length() > limits.maxKeyLength() || Texts.hasControlCharacter(k)) {
                errors.add(what + " key `" + Texts.quote(k) + "` must be 1 to " + limits.maxKeyLength()
                        + " characters without control characters");
            }
            if (v != null && v.length() > maxValue) {
                errors.add(what + " `" + Texts.quote(k) + "` has a value longer than " + maxValue + " characters");
            } else if (v != null && v.indexOf(0) >= 0) {
                errors.add(what + " `" + Texts.quote(k) + "` has a value with null characters");
            }
        });
    }

    private void params(List<String> errors, String what, SpecConfig config) {
        if (config.type().length() > limits.maxNameLength() || Texts.hasControlCharacter(config.type())) {
            errors.add("invalid " + what + ": type `" + Texts.quote(config.type()) + "` must be at most "
                    + limits.maxNameLength() + " characters without control characters");
        }
        config.params().forEach((k, v) -> {
            if (v instanceof Collection<?> c && c.size() > limits.maxListParam()) {
                errors.add("invalid " + what + ": parameter " + Texts.quote(k) + " has " + c.size()
                        + " items, more than the limit of " + limits.maxListParam());
            }
        });
    }

    private static void count(List<String> errors, String what, Collection<?> items, int max) {
        if (items.size() > max) errors.add("too many " + what + ": " + items.size() + " (at most " + max + ")");
    }
}
