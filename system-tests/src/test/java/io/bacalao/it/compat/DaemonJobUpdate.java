package io.bacalao.it.compat;

import static io.bacalao.it.compat.GoSuite.json;
import static io.bacalao.it.compat.GoSuite.jobId;
import static io.bacalao.it.compat.GoSuite.query;
import static io.bacalao.it.compat.JobSuitesIT.WAIT;
import static io.bacalao.it.compat.JobSuitesIT.bacalhau;
import static io.bacalao.it.compat.JobSuitesIT.bacalhauFails;
import static io.bacalao.it.compat.JobSuitesIT.describesVersionAsJson;
import static io.bacalao.it.compat.JobSuitesIT.executionsAsJson;
import static io.bacalao.it.compat.JobSuitesIT.spec;
import static io.bacalao.it.compat.JobSuitesIT.versions;
import static io.bacalao.it.compat.JobSuitesIT.waitForJobState;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import java.util.Map;

/**
 * Bacalhau's {@code 19_jobs_update_suite_test.go} TestDaemonJobUpdate, each assertion kept. A daemon job runs once
 * on every compute node and the suite counts two executions per version (its scaffold scales compute to 2), so it
 * runs on a cluster of exactly two compute nodes: NodeLivenessIT's, before that class kills any of them.
 */
public final class DaemonJobUpdate {
    private DaemonJobUpdate() {
    }

    /** Runs the scenario on {@code cluster} (two compute nodes) and stops the job; returns its ID. */
    public static String run(TestCluster cluster) {
        String jobName = "basic-daemon-job";
        String jobId = jobId(bacalhau(cluster, "job", "run", "--wait=false", "--id-only", spec("19-basic-daemon-job-v1.yml")));
        try {
            waitForJobState(cluster, jobName, "Running");
            String description = bacalhau(cluster, "job", "describe", jobId);
            assertFalse(description.contains("IAmDaemonJobStartV1"), description);
            description = bacalhau(cluster, "job", "describe", jobName);
            assertFalse(description.contains("IAmDaemonJobStartV1"), description);
            describesVersionAsJson(cluster, jobName, 1, new String[]{});

            // Update the job: the suite sleeps 10 s and waits for Running; here, for version 2's two executions
            jobId = jobId(bacalhau(cluster, "job", "run", "--wait=false", "--id-only", spec("19-basic-daemon-job-v2.yml")));
            Waits.until(jobName + " version 2 to run on both nodes", WAIT, () -> {
                JsonNode j = json(cluster.cli().run("job", "describe", "--output=json", jobName).out());
                return query(j, "$.Job.Version").asInt() == 2 && "Running".equals(query(j, "$.Job.State.StateType").asText())
                        && query(j, "$.Executions.Items").size() == 2;
            });
            for (String idOrName : new String[]{jobId, jobName}) {
                description = bacalhau(cluster, "job", "describe", idOrName);
                assertFalse(description.contains("IAmDaemonJobStartV1"), description);
                assertFalse(description.contains("IAmDaemonJobStartV2"), description);
            }
            describesVersionAsJson(cluster, jobName, 2, new String[]{});
            describesVersionAsJson(cluster, jobName, 1, new String[]{"--version=1"});
            describesVersionAsJson(cluster, jobName, 2, new String[]{"--version=2"});
            executionsAsJson(cluster, jobName, Map.of(2, 2));
            executionsAsJson(cluster, jobName, Map.of(1, 2), "--version=1");
            executionsAsJson(cluster, jobName, Map.of(1, 2, 2, 2), "--all-versions");
            versions(cluster, jobName, 2);

            // Resubmitting the job with no changes does not create a version
            String unchanged = bacalhauFails(cluster, "job", "run", spec("19-basic-daemon-job-v2.yml"));
            assertTrue(unchanged.contains("no changes detected for new job spec. Job Name: 'basic-daemon-job'"), unchanged);
            assertTrue(unchanged.contains("Use the --force flag to override this warning"), unchanged);
            return jobId;
        } finally {
            cluster.cli().run("job", "stop", jobId);
        }
    }
}
