package io.bacalao.cli.command.flags;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.spec.JobDefaults;
import io.bacalao.domain.spec.SpecLimits;
import io.bacalao.domain.spec.SubmissionPreparer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks a job built from flags with the orchestrator's own rules before anything is sent, so errors carry the
 * server's messages. The server's default publisher is unknown here, so a placeholder stands in for it: "result
 * paths need a publisher" is left to the server, which may have one configured.
 */
public final class LocalValidator {
    /** The maximum Count is the server's setting (Orchestrator.MaxJobCount), so it is left to the server. */
    private static final SubmissionPreparer PREPARER = new SubmissionPreparer(defaults(), "n-cli",
            SpecLimits.defaults().withMaxJobCount(Integer.MAX_VALUE));

    private LocalValidator() {
    }

    /** Throws {@link io.bacalao.domain.spec.SpecException} listing what the server would refuse. */
    public static void validate(Job job) {
        PREPARER.prepare(job);
    }

    private static JobDefaults defaults() {
        Map<JobType, JobDefaults.TypeDefaults> byType = new EnumMap<>(JobType.class);
        JobDefaults.standard().byType().forEach((type, d) -> byType.put(type, new JobDefaults.TypeDefaults(
                d.priority(), d.resources(), d.publisher().isEmpty() ? SpecConfig.of("server-default") : d.publisher(),
                d.executionTimeout(), d.totalTimeout(), d.queueTimeout())));
        return new JobDefaults(byType);
    }
}
