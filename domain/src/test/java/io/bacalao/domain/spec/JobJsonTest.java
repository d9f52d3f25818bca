package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.TestFiles;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A job read from the reference examples and written back in Bacalhau's JSON (reference §2.1-2.3, §2.11, §2.12, §12). */
class JobJsonTest {

    @Test
    void theReferenceSpecFileDecodes() {
        Job job = JobReader.readFile(TestFiles.read("jobs/docker-output.yaml"));

        assertEquals("Docker Job with Output", job.name());
        assertEquals("batch", job.type());
        assertEquals("default", job.namespace());
        assertEquals(1, job.count());
        Task task = job.task();
        assertEquals("main", task.name());
        assertTrue(task.engine().is("docker"));
        assertEquals("busybox:1.37.0", task.engine().param("Image"));
        assertEquals(List.of("/bin/sh"), task.engine().listParam("Entrypoint"));
        assertEquals(List.of("-c", "echo 15 > /output_custom/output.txt"), task.engine().listParam("Parameters"));
        assertTrue(task.publisher().is("local"));
        assertEquals(List.of(new ResultPath("output_custom", "/output_custom")), task.resultPaths());
        assertTrue(task.inputSources().isEmpty());
    }

    @Test
    void theReferenceSpecIsWrittenWithBacalhausKeys() throws Exception {
        Job job = JobReader.readFile(TestFiles.read("jobs/docker-output.yaml"));

        JsonNode json = Json.mapper().readTree(Json.write(job));

        assertEquals(List.of("ID", "Name", "Namespace", "Type", "Priority", "Count", "Constraints", "Meta", "Labels",
                "Tasks", "State", "Version", "Revision", "CreateTime", "ModifyTime"), keys(json));
        JsonNode task = json.get("Tasks").get(0);
        assertEquals(Set.of("Name", "Engine", "Publisher", "ResultPaths", "Resources", "Network", "Timeouts"),
                new TreeSet<>(keys(task)));
        assertEquals("/output_custom", task.get("ResultPaths").get(0).get("Path").asText());
        assertEquals("busybox:1.37.0", task.get("Engine").get("Params").get("Image").asText());
        assertEquals("{\"Type\":\"local\"}", task.get("Publisher").toString());
        assertEquals("{\"Type\":\"Default\"}", task.get("Network").toString());
        assertEquals("{}", task.get("Timeouts").toString());
        assertTrue(json.get("State").get("StateType").isTextual());
    }

    @Test
    void aJobAsTheServerReturnsItRoundTripsUnchanged() throws Exception {
        String original = TestFiles.read("jobs/job-as-returned.json");

        Job job = Json.read(original, Job.class);

        assertEquals(Json.mapper().readTree(original), Json.mapper().readTree(Json.write(job)));
    }

    @Test
    void aJobAsTheServerReturnsItHasTypedFields() throws Exception {
        Job job = Json.read(TestFiles.read("jobs/job-as-returned.json"), Job.class);
        JsonNode json = Json.mapper().readTree(Json.write(job));

        assertEquals(JobStateType.Completed, job.state().stateType());
        assertEquals(1755600000123456789L, job.createTime());
        assertEquals(4, job.revision());
        assertEquals("500m", job.task().resources().cpu());
        assertEquals("\"Completed\"", json.get("State").get("StateType").toString());
        assertTrue(json.get("CreateTime").isIntegralNumber());
        assertEquals(1755600003123456789L, json.get("ModifyTime").asLong());
        assertFalse(json.get("Tasks").get(0).has("InputSources"));
        assertFalse(json.get("Tasks").get(0).has("ResultPaths"));
        assertFalse(json.get("Tasks").get(0).has("Env"));
        assertEquals("{\"CPU\":\"500m\",\"Memory\":\"512Mb\"}", json.get("Tasks").get(0).get("Resources").toString());
    }

    @Test
    void inputSourcesAndTimeoutsAreWrittenWhenSet() throws Exception {
        Job job = Json.read("""
                {"Type":"batch","Tasks":[{"Name":"main","Engine":{"Type":"docker","Params":{"Image":"ubuntu"}},
                  "InputSources":[{"Source":{"Type":"urlDownload","Params":{"URL":"https://example.com/a.csv"}},
                                   "Alias":"data","Target":"/inputs/a.csv"}],
                  "Timeouts":{"ExecutionTimeout":300,"QueueTimeout":60}}]}
                """, Job.class);

        JsonNode task = Json.mapper().readTree(Json.write(job)).get("Tasks").get(0);

        assertEquals("/inputs/a.csv", task.get("InputSources").get(0).get("Target").asText());
        assertEquals("urlDownload", task.get("InputSources").get(0).get("Source").get("Type").asText());
        assertEquals("{\"ExecutionTimeout\":300,\"QueueTimeout\":60}", task.get("Timeouts").toString());
    }

    @Test
    void keysDecodeCaseInsensitivelyLikeGo() {
        Job job = Json.read("""
                {"type":"batch","NAME":"lower","TASKS":[{"name":"main",
                  "engine":{"type":"docker","params":{"Image":"ubuntu"}},
                  "resources":{"cpu":"1"}}]}
                """, Job.class);

        assertEquals("batch", job.type());
        assertEquals("lower", job.name());
        assertEquals(1, job.tasks().size());
        assertTrue(job.task().engine().is("docker"));
        assertEquals("ubuntu", job.task().engine().param("image"));
        assertEquals("1", job.task().resources().cpu());
        assertEquals(1, job.count());
    }

    @Test
    void aSpecFileWithLowerCaseKeysIsAccepted() {
        Job job = JobReader.readFile("""
                type: ops
                tasks:
                  - name: main
                    engine: {type: docker, params: {Image: ubuntu}}
                """);

        assertEquals("ops", job.type());
        assertEquals("main", job.task().name());
    }

    @ParameterizedTest(name = "{0} job with Count {1} decodes to {2}")
    @CsvSource({
            "batch,   absent, 1",
            "service, absent, 1",
            "ops,     absent, 0",
            "daemon,  absent, 0",
            "batch,   0,      0",
            "service, 0,      0",
            "batch,   3,      3",
    })
    void countDefaultsToOneOnlyWhenAbsentFromABatchOrServiceJob(String type, String count, int expected) {
        String countField = count.equals("absent") ? "" : ",\"Count\":" + count;

        Job job = Json.read("{\"Type\":\"" + type + "\"" + countField + "}", Job.class);

        assertEquals(expected, job.count());
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
