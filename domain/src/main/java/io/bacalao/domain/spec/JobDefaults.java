package io.bacalao.domain.spec;

import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import java.util.Map;

/**
 * Defaults the orchestrator applies to submitted jobs ({@code JobDefaults.<Type>.*}): priority and
 * resources for every type; publisher and timeouts (seconds) for batch and ops only.
 */
public record JobDefaults(Map<JobType, TypeDefaults> byType) {

    /** Defaults of one job type. Timeouts are seconds, 0 = none. */
    public record TypeDefaults(int priority, ResourcesConfig resources, SpecConfig publisher,
                               long executionTimeout, long totalTimeout, long queueTimeout) {
    }

    /** Bacalhau's defaults: priority 0, 500m CPU and 512Mb memory, no publisher, no timeouts. */
    public static JobDefaults standard() {
        ResourcesConfig r = new ResourcesConfig("500m", "512Mb", "", "");
        TypeDefaults d = new TypeDefaults(0, r, SpecConfig.of(""), 0, 0, 0);
        return new JobDefaults(Map.of(JobType.BATCH, d, JobType.OPS, d, JobType.SERVICE, d, JobType.DAEMON, d));
    }

    public TypeDefaults of(JobType type) {
        return byType.get(type);
    }
}
