package io.bacalao.it.compat;

import static io.bacalao.it.compat.GoSuite.asset;
import static io.bacalao.it.compat.GoSuite.count;
import static io.bacalao.it.compat.GoSuite.json;
import static io.bacalao.it.compat.GoSuite.jobId;
import static io.bacalao.it.compat.GoSuite.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.SharedCluster;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bacalhau's job suites {@code test_integration/6_jobs_basic_runs_scenarios_suite_test.go} and
 * {@code 19_jobs_update_suite_test.go} (its batch test; its daemon test, which needs exactly two compute nodes, is
 * {@link DaemonJobUpdate}), each assertion kept, through the CLI against the shared
 * cluster: the suites' orchestrator configs (6_ and 19_orchestrator_config.yaml) set only a name provider, the API
 * port and a network token, none of which the assertions touch, so the shared orchestrator stands in for theirs.
 * Their images are the offline stand-ins of system-tests/scripts/build-test-images.sh (busybox:1.37.0, hello-world).
 */
@ExtendWith(SharedCluster.class)
class JobSuitesIT {
    /** The suites wait 30 s for a job; this 2-core machine runs other tests beside it, so longer. */
    static final Duration WAIT = Duration.ofMinutes(2);

    /** executeCommandInDefaultJumpbox: stdout and stderr, or a failure when the command exits non-zero. */
    static String bacalhau(TestCluster cluster, String... args) {
        Cli.Result r = cluster.cli().run(args);
        assertEquals(0, r.exitCode(), "bacalao " + String.join(" ", args) + ": " + r.all());
        return r.all();
    }

    /** The same command expected to fail: its output (the suites' error text). */
    static String bacalhauFails(TestCluster cluster, String... args) {
        Cli.Result r = cluster.cli().run(args);
        assertNotEquals(0, r.exitCode(), "bacalao " + String.join(" ", args) + " should fail: " + r.all());
        return r.all();
    }

    static String spec(String name) {
        return asset("job_specs/" + name).toString();
    }

    /** waitForJobState: polls {@code job describe --output=json ID-OR-NAME} until $.Job.State.StateType is {@code state}. */
    static void waitForJobState(TestCluster cluster, String idOrName, String state) {
        Waits.until(idOrName + " to be " + state, WAIT, () -> {
            Cli.Result r = cluster.cli().run("job", "describe", "--output=json", idOrName);
            return r.exitCode() == 0 && state.equals(query(json(r.out()), "$.Job.State.StateType").asText());
        });
    }

    /**
     * waitForJobToComplete(NAME) after a new version: the suites poll for Completed alone, which an update's
     * previous version already is; this also waits for the version the update made, and both its executions.
     */
    static void waitForVersionCompleted(TestCluster cluster, String name, int version) {
        Waits.until(name + " version " + version + " to be Completed", WAIT, () -> {
            Cli.Result r = cluster.cli().run("job", "describe", "--output=json", name);
            if (r.exitCode() != 0) return false;
            JsonNode j = json(r.out());
            return query(j, "$.Job.Version").asInt() == version && "Completed".equals(query(j, "$.Job.State.StateType").asText());
        });
    }

    // ---- 6_jobs_basic_runs_scenarios_suite_test.go

    @Test
    void dockerRunHelloWorld(TestCluster cluster) {
        String result = bacalhau(cluster, "docker", "run", "hello-world");
        assertTrue(Pattern.compile("Job successfully submitted\\. Job ID: j-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(result).find(), "Job output did not signal a successful job submission: " + result);
        String jobId = jobId(result);
        waitForJobState(cluster, jobId, "Completed");
        String description = bacalhau(cluster, "job", "describe", jobId);
        assertTrue(description.contains("Hello from Docker"), description);
    }

    @Test
    void helloWorldJob(TestCluster cluster) {
        String jobId = jobId(bacalhau(cluster, "job", "run", "--wait=false", "--id-only", spec("hello_world.yml")));
        waitForJobState(cluster, jobId, "Completed");
        String description = bacalhau(cluster, "job", "describe", jobId);
        assertTrue(description.contains("hello bacalhau world"), description);
    }

    /**
     * The suite runs the job with NoError (exit code 0): Bacalhau's progress printer prints a failed job's error and
     * still exits 0 (PrintJobProgress in cmd/util/printer/progress_printer.go), and so does Bacalao's.
     */
    @Test
    void unsupportedTaskEngineType(TestCluster cluster) {
        String result = bacalhau(cluster, "job", "run", spec("unsupported_engine_type.yml"));
        assertTrue(result.contains("not enough nodes to run job"), result);
        assertTrue(result.contains("does not support vroomvroom"), result);
    }

    // ---- 19_jobs_update_suite_test.go, TestBatchJobUpdate

    /** The checks of one version of basic-hello-world: its output by ID and by name, and describe's JSON. */
    static void describesVersion(TestCluster cluster, String jobId, String name, int version, String[] versionFlag) {
        String mine = "hello bacalhau world" + version;
        String other = "hello bacalhau world" + (version == 1 ? 2 : 1);
        String byId = bacalhau(cluster, concat(new String[]{"job", "describe", jobId}, versionFlag));
        assertTrue(byId.contains(mine), byId);
        if (version == 2 || versionFlag.length > 0) assertFalse(byId.contains(other), byId);
        String byName = bacalhau(cluster, concat(new String[]{"job", "describe", name}, versionFlag));
        assertEquals(2, count(byName, mine), "Expected exactly 2 occurrences of '" + mine + "' in job description: " + byName);
        if (version == 2 || versionFlag.length > 0) assertFalse(byName.contains(other), byName);
        describesVersionAsJson(cluster, name, version, versionFlag);
    }

    static void describesVersionAsJson(TestCluster cluster, String name, int version, String[] versionFlag) {
        JsonNode json = json(bacalhau(cluster, concat(concat(new String[]{"job", "describe", name}, versionFlag),
                new String[]{"--output=json"})));
        assertEquals(version, query(json, "$.Job.Version").asInt());
        assertEquals(2, query(json, "$.Executions.Items").size());
        assertEquals(version, query(json, "$.Executions.Items[0].JobVersion").asInt());
        assertEquals(version, query(json, "$.Executions.Items[1].JobVersion").asInt());
    }

    /** {@code job executions NAME [FLAGS]}: the table's "Completed" count and the JSON's JobVersion of each execution. */
    static void executions(TestCluster cluster, String name, int completed, Map<Integer, Integer> versions, String... flags) {
        String table = bacalhau(cluster, concat(new String[]{"job", "executions", name}, flags));
        assertEquals(completed, count(table, "Completed"), "Expected exactly " + completed + " occurrences of 'Completed': " + table);
        executionsAsJson(cluster, name, versions, flags);
    }

    static void executionsAsJson(TestCluster cluster, String name, Map<Integer, Integer> versions, String... flags) {
        JsonNode json = json(bacalhau(cluster, concat(concat(new String[]{"job", "executions", name}, flags),
                new String[]{"--output=json"})));
        assertEquals(versions.values().stream().mapToInt(Integer::intValue).sum(), query(json, "$").size(), json.toString());
        Map<Integer, Integer> counted = new HashMap<>();
        for (int i = 0; i < json.size(); i++) counted.merge(query(json, "$[" + i + "].JobVersion").asInt(), 1, Integer::sum);
        assertEquals(versions, counted);
    }

    /** {@code job versions NAME --output=json}: one entry per version, each version once. */
    static void versions(TestCluster cluster, String name, int how) {
        JsonNode json = json(bacalhau(cluster, "job", "versions", name, "--output=json"));
        assertEquals(how, query(json, "$").size(), json.toString());
        Map<Integer, Integer> counted = new HashMap<>();
        for (int i = 0; i < how; i++) counted.merge(query(json, "$[" + i + "].Version").asInt(), 1, Integer::sum);
        for (int v = 1; v <= how; v++) assertEquals(1, counted.getOrDefault(v, 0), "Expected exactly 1 entry with version " + v);
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void batchJobUpdate(TestCluster cluster) {
        String jobName = "basic-hello-world";
        String[] latest = {};
        String jobId = jobId(bacalhau(cluster, "job", "run", "--wait=false", "--id-only", spec("19-basic-hello-world-v1.yml")));
        waitForVersionCompleted(cluster, jobName, 1);
        describesVersion(cluster, jobId, jobName, 1, latest);

        // Update the job and run it
        jobId = jobId(bacalhau(cluster, "job", "run", "--wait=false", "--id-only", spec("19-basic-hello-world-v2.yml")));
        waitForVersionCompleted(cluster, jobName, 2);
        describesVersion(cluster, jobId, jobName, 2, latest);

        // Describe versions 1 and 2
        describesVersion(cluster, jobId, jobName, 1, new String[]{"--version=1"});
        describesVersion(cluster, jobId, jobName, 2, new String[]{"--version=2"});

        // Executions of the latest version, of version 1, of all versions
        executions(cluster, jobName, 2, Map.of(2, 2));
        executions(cluster, jobName, 2, Map.of(1, 2), "--version=1");
        executions(cluster, jobName, 4, Map.of(1, 2, 2, 2), "--all-versions");

        versions(cluster, jobName, 2);

        // Resubmitting the job with no changes does not create a version
        String unchanged = bacalhauFails(cluster, "job", "run", spec("19-basic-hello-world-v2.yml"));
        assertTrue(unchanged.contains("no changes detected for new job spec. Job Name: 'basic-hello-world'"), unchanged);
        assertTrue(unchanged.contains("Use the --force flag to override this warning"), unchanged);

        // ... but with --force it does
        assertFalse(jobId(bacalhau(cluster, "job", "run", "--wait=false", "--id-only", "--force",
                spec("19-basic-hello-world-v2.yml"))).isEmpty());
        waitForVersionCompleted(cluster, jobName, 3);
        String byName = bacalhau(cluster, "job", "describe", jobName);
        assertEquals(2, count(byName, "hello bacalhau world2"), byName);
        assertFalse(byName.contains("hello bacalhau world1"), byName);
        versions(cluster, jobName, 3);

        // A dry run shows what would change: the submitted command beside the current one
        String dryRun = bacalhau(cluster, "job", "run", "--dry-run", spec("19-basic-hello-world-v1.yml"));
        assertTrue(dryRun.contains("echo hello bacalhau world1"), dryRun);
        assertTrue(dryRun.contains("echo hello bacalhau world2"), dryRun);

        // Rerun the latest version (3), then version 1: each makes a new version, run like the one it copies
        bacalhau(cluster, "job", "rerun", jobName, "--wait=false", "--id-only");
        waitForVersionCompleted(cluster, jobName, 4);
        byName = bacalhau(cluster, "job", "describe", jobName);
        assertEquals(2, count(byName, "hello bacalhau world2"), byName);
        assertFalse(byName.contains("hello bacalhau world1"), byName);
        versions(cluster, jobName, 4);

        bacalhau(cluster, "job", "rerun", jobName, "--version=1", "--wait=false", "--id-only");
        waitForVersionCompleted(cluster, jobName, 5);
        byName = bacalhau(cluster, "job", "describe", jobName);
        assertEquals(2, count(byName, "hello bacalhau world1"), byName);
        assertFalse(byName.contains("hello bacalhau world2"), byName);
        versions(cluster, jobName, 5);
    }
}
