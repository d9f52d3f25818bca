package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.TestFiles;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the orchestrator fills in and warns about when a job is submitted (reference §2.8). */
class SubmissionDefaultsTest {
    private static final String MAIN = "{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"ubuntu\"}}}";
    private final SubmissionPreparer preparer = new SubmissionPreparer(JobDefaults.standard(), "n-orch");

    @Test
    void aMinimalBatchJobGetsBacalhausDefaults() {
        Submission s = submit("{\"Type\":\"batch\",\"Tasks\":[MAIN]}");
        Job job = s.job();

        assertTrue(job.id().startsWith("j-"), job.id());
        assertEquals(job.id(), job.name());
        assertEquals("default", job.namespace());
        assertEquals(1, job.count());
        assertEquals(0, job.priority());
        assertEquals(JobStateType.Pending, job.state().stateType());
        assertEquals(new ResourcesConfig("500m", "512Mb", "", ""), job.task().resources());
        assertEquals("n-orch", job.meta().get(SubmissionPreparer.META_ORCHESTRATOR_ID));
        assertEquals("n-orch", job.meta().get(SubmissionPreparer.META_REQUESTER_ID));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void theReferenceExampleWithASpacedNameIsAccepted() {
        Job job = preparer.prepare(JobReader.readFile(TestFiles.read("jobs/docker-output.yaml"))).job();

        assertEquals("Docker Job with Output", job.name());
        assertEquals("/output_custom", job.task().resultPaths().get(0).path());
    }

    @Test
    void eachSubmissionGetsItsOwnId() {
        assertNotEquals(submit("{\"Type\":\"batch\",\"Tasks\":[MAIN]}").job().id(),
                submit("{\"Type\":\"batch\",\"Tasks\":[MAIN]}").job().id());
    }

    @Test
    void whatTheUserSetIsKept() {
        Job job = submit("""
                {"Type":"batch","Name":"my-job","Namespace":"team-a","Priority":5,"Count":3,
                 "Tasks":[{"Name":"main","Engine":{"Type":"docker"},"Resources":{"CPU":"2","Disk":"10GB"}}]}
                """).job();

        assertEquals("my-job", job.name());
        assertEquals("team-a", job.namespace());
        assertEquals(5, job.priority());
        assertEquals(3, job.count());
        assertEquals(new ResourcesConfig("2", "512Mb", "10GB", ""), job.task().resources());
    }

    @ParameterizedTest(name = "{0} job with Count {1} is stored with Count {2}")
    @CsvSource({"ops, 1, 0", "ops, 0, 0", "daemon, 1, 0", "batch, 0, 0", "service, 2, 2"})
    void jobsThatRunOnAllNodesHaveNoCount(String type, int count, int stored) {
        Job job = submit("{\"Type\":\"" + type + "\",\"Count\":" + count + ",\"Tasks\":[MAIN]}").job();

        assertEquals(stored, job.count());
    }

    @Test
    void anIdOnABatchJobIsIgnoredWithAWarning() {
        Submission s = submit("{\"ID\":\"my-id\",\"Type\":\"batch\",\"Tasks\":[MAIN]}");

        assertEquals(List.of("job ID is ignored when submitting a batch job"), s.warnings());
        assertNotEquals("my-id", s.job().id());
        assertTrue(s.job().id().startsWith("j-"));
    }

    @Test
    void anIdOnAnOpsJobGetsBacalhausExactWarning() {
        Submission s = submit("{\"ID\":\"my-id\",\"Type\":\"ops\",\"Tasks\":[MAIN]}");

        assertEquals(List.of("job ID is ignored when submitting a batch job"), s.warnings());
    }

    @Test
    void anIdOnAnOpsJobIsIgnored() {
        Submission s = submit("{\"ID\":\"my-id\",\"Type\":\"ops\",\"Tasks\":[MAIN]}");

        assertNotEquals("my-id", s.job().id());
        assertEquals(1, s.warnings().size());
    }

    @Test
    void anIdOnAServiceJobIsKept() {
        Submission s = submit("{\"ID\":\"svc-1\",\"Type\":\"service\",\"Tasks\":[MAIN]}");

        assertEquals("svc-1", s.job().id());
        assertEquals("svc-1", s.job().name());
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void reservedMetaKeysAreStrippedWithAWarning() {
        Submission s = submit("""
                {"Type":"batch","Meta":{"bacalhau.org/orchestrator.id":"spoofed","bacalhau.org/foo":"x","team":"data"},
                 "Tasks":[MAIN]}
                """);

        assertEquals(List.of("job meta key \"bacalhau.org/orchestrator.id\" is reserved and will be ignored",
                "job meta key \"bacalhau.org/foo\" is reserved and will be ignored"), s.warnings());
        assertEquals(Map.of("team", "data",
                "bacalhau.org/orchestrator.id", "n-orch",
                "bacalhau.org/requester.id", "n-orch"), s.job().meta());
    }

    @Test
    void extraTasksAreDroppedWithAWarning() {
        Submission s = submit("""
                {"Type":"batch","Tasks":[MAIN,{"Name":"second","Engine":{"Type":"wasm"}}]}
                """);

        assertEquals(List.of("only one task is supported per job"), s.warnings());
        assertEquals(1, s.job().tasks().size());
        assertEquals("main", s.job().task().name());
    }

    @Test
    void anInvalidExtraTaskIsDroppedBeforeValidation() {
        Submission s = submit("{\"Type\":\"batch\",\"Tasks\":[MAIN,{\"Name\":\"\"}]}");

        assertEquals("main", s.job().task().name());
    }

    @Test
    void serverOwnedFieldsAreIgnoredWithWarnings() {
        Submission s = submit("""
                {"Type":"service","State":{"StateType":"Running"},"Revision":4,"Version":2,
                 "CreateTime":1,"ModifyTime":2,"Tasks":[MAIN]}
                """);

        assertEquals(List.of("job state is ignored when submitting a job",
                "job revision is ignored when submitting a job",
                "job version is ignored when submitting a job",
                "job create time is ignored when submitting a job",
                "job modify time is ignored when submitting a job"), s.warnings());
        assertEquals(JobStateType.Pending, s.job().state().stateType());
        assertEquals(0, s.job().version());
        assertEquals(0, s.job().createTime());
    }

    @Test
    void configuredPublisherAndTimeoutsApplyToBatchButNotToServiceJobs() {
        JobDefaults.TypeDefaults d = new JobDefaults.TypeDefaults(7, new ResourcesConfig("1", "1Gb", "", ""),
                SpecConfig.of("local"), 300, 900, 0);
        SubmissionPreparer custom = new SubmissionPreparer(new JobDefaults(Map.of(
                JobType.BATCH, d, JobType.OPS, d, JobType.SERVICE, d, JobType.DAEMON, d)), "n-orch");

        Job batch = custom.prepare(Json.read("{\"Type\":\"batch\",\"Tasks\":[MAIN]}".replace("MAIN", MAIN), Job.class)).job();
        Job service = custom.prepare(Json.read("{\"Type\":\"service\",\"Tasks\":[MAIN]}".replace("MAIN", MAIN), Job.class)).job();

        assertEquals(7, batch.priority());
        assertTrue(batch.task().publisher().is("local"));
        assertEquals(300, batch.task().timeouts().executionTimeout());
        assertEquals(900, batch.task().timeouts().totalTimeout());
        assertEquals(7, service.priority());
        assertEquals("1Gb", service.task().resources().memory());
        assertTrue(service.task().publisher().isEmpty());
        assertEquals(0, service.task().timeouts().totalTimeout());
    }

    @Test
    void theUsersOwnPublisherAndTimeoutsWinOverDefaults() {
        JobDefaults.TypeDefaults d = new JobDefaults.TypeDefaults(0, new ResourcesConfig("500m", "512Mb", "", ""),
                SpecConfig.of("local"), 300, 900, 0);
        SubmissionPreparer custom = new SubmissionPreparer(new JobDefaults(Map.of(JobType.BATCH, d)), "n-orch");

        Job job = custom.prepare(Json.read("""
                {"Type":"batch","Tasks":[{"Name":"main","Engine":{"Type":"docker"},"Publisher":{"Type":"s3"},
                  "Timeouts":{"ExecutionTimeout":60,"TotalTimeout":120}}]}
                """, Job.class)).job();

        assertTrue(job.task().publisher().is("s3"));
        assertEquals(60, job.task().timeouts().executionTimeout());
        assertEquals(120, job.task().timeouts().totalTimeout());
        assertFalse(job.task().publisher().is("local"));
    }

    private Submission submit(String json) {
        return preparer.prepare(Json.read(json.replace("MAIN", MAIN), Job.class));
    }
}
