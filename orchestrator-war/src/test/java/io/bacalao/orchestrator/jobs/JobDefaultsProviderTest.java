package io.bacalao.orchestrator.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.SpecLimits;
import org.junit.jupiter.api.Test;

/** The orchestrator validates submissions with the maximum Count of its configuration. */
class JobDefaultsProviderTest {
    @Test
    void theMaximumCountDefaultsToOneThousand() {
        assertEquals(1000, JobDefaultsProvider.limits(Config.defaults()).maxJobCount());
    }

    @Test
    void theMaximumCountComesFromOrchestratorMaxJobCount() {
        SpecLimits limits = JobDefaultsProvider.limits(Config.defaults().with(ConfigKeys.MAX_JOB_COUNT, "5000"));

        assertEquals(5000, limits.maxJobCount());
        assertEquals(SpecLimits.defaults().maxTimeoutSeconds(), limits.maxTimeoutSeconds());
    }

    @Test
    void theDefaultPublisherOfBatchJobsCarriesItsParams() {
        Config c = Config.defaults().with("JobDefaults.Batch.Task.Publisher.Type", "s3")
                .with("JobDefaults.Batch.Task.Publisher.Params", "Bucket=results,Key=jobs/");

        var publisher = JobDefaultsProvider.fromConfig(c).of(io.bacalao.domain.model.JobType.BATCH).publisher();

        assertEquals("s3", publisher.type());
        assertEquals(java.util.Map.of("Bucket", "results", "Key", "jobs/"), publisher.params());
    }
}
