package io.bacalao.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.Api;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The issue 10 examples against a real orchestrator: a job that would mount the host's root, or ask for a hundred
 * million partitions, is refused with 400 and stored nowhere (docs/job-spec-limits.md). The wider set of bad job
 * specs is the shared corpus {@code bad-inputs/job-specs.json}.
 */
@ExtendWith(SharedCluster.class)
class JobSpecLimitsIT {
    private static final String JOBS = "/api/v1/orchestrator/jobs";
    private static final String DOCKER = "\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"busybox:1.37.0\"}},"
            + "\"Publisher\":{\"Type\":\"local\"}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "result Name / at /host|\"ResultPaths\":[{\"Name\":\"/\",\"Path\":\"/host\"}]|result path name `/` must be a plain name",
            "result Name ../..|\"ResultPaths\":[{\"Name\":\"../..\",\"Path\":\"/host\"}]|result path name `../..` must be a plain name",
            "result Path /|\"ResultPaths\":[{\"Name\":\"out\",\"Path\":\"/\"}]|result path `/` must not be the root folder",
            "input Target /|\"InputSources\":[{\"Source\":{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"http://127.0.0.1:1/x\"}},\"Target\":\"/\"}]|input target `/` must not be the root folder",
            "timeout beyond 10 years|\"Timeouts\":{\"ExecutionTimeout\":9223372036854775807}|timeouts must be at most 315360000 seconds"})
    void aTaskReachingBeyondItsFoldersOrTimeIsRefused(String what, String fields, String expected, TestCluster cluster) {
        String body = "{\"Job\":{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\"," + DOCKER + "," + fields + "}]}}";
        assertRefused(cluster.api(), body, expected);
    }

    @ParameterizedTest(name = "Count {0}")
    @CsvSource(delimiter = '|', value = {
            "100000000|job count 100000000 is more than the maximum of 1000 (Orchestrator.MaxJobCount)",
            "99999999999999999999|field: 'Count' in 'Job' is invalid type: Numeric value (99999999999999999999) out of range of int"})
    void aCountBeyondTheMaximumIsRefused(String count, String expected, TestCluster cluster) {
        String body = "{\"Job\":{\"Type\":\"batch\",\"Count\":" + count
                + ",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}}";
        assertRefused(cluster.api(), body, expected);
    }

    private static void assertRefused(Api api, String body, String expected) {
        int before = api.get(JOBS).json().get("Items").size();
        Api.Response r = api.put(JOBS, body);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.json().get("Message").asText().contains(expected), r.json().get("Message").asText());
        assertEquals(before, api.get(JOBS).json().get("Items").size(), "nothing stored");
    }
}
