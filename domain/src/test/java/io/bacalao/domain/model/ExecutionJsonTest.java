package io.bacalao.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.TestFiles;
import io.bacalao.domain.spec.Json;
import org.junit.jupiter.api.Test;

/** An execution as `GET …/executions` returns it (reference §3.7, §12.2-3). */
class ExecutionJsonTest {
    private static final String COMPLETED = TestFiles.read("executions/execution-completed.json");

    @Test
    void aCompletedExecutionRoundTripsUnchanged() throws Exception {
        Execution e = Json.read(COMPLETED, Execution.class);

        assertEquals(Json.mapper().readTree(COMPLETED), Json.mapper().readTree(Json.write(e)));
    }

    @Test
    void statesAreIntegersOnTheWire() throws Exception {
        Execution e = Json.read(COMPLETED, Execution.class);
        JsonNode json = Json.mapper().readTree(Json.write(e));

        assertEquals(ExecutionStateType.Completed, e.state());
        assertEquals(DesiredStateType.Stopped, e.desired());
        assertEquals("execution completed", e.desiredState().message());
        assertTrue(json.get("ComputeState").get("StateType").isInt());
        assertEquals(9, json.get("ComputeState").get("StateType").asInt());
        assertEquals(2, json.get("DesiredState").get("StateType").asInt());
        assertTrue(e.isTerminal());
    }

    @Test
    void runOutputUsesBacalhausLowerCaseStderrKey() throws Exception {
        RunOutput out = new RunOutput("hi\n", false, "oops\n", true, 3, "");

        JsonNode json = Json.mapper().readTree(Json.write(out));

        assertEquals("oops\n", json.get("stderr").asText());
        assertFalse(json.has("Stderr"));
        assertEquals("hi\n", json.get("Stdout").asText());
        assertTrue(json.get("StderrTruncated").asBoolean());
        assertEquals(3, json.get("ExitCode").asInt());
        assertEquals(out, Json.read(Json.write(out), RunOutput.class));
    }

    @Test
    void resourcesAndTimesKeepTheirUnits() throws Exception {
        Execution e = Json.read(COMPLETED, Execution.class);
        JsonNode json = Json.mapper().readTree(Json.write(e));

        assertEquals(0.5, e.allocatedResources().tasks().get("main").cpu());
        assertEquals(512_000_000L, e.allocatedResources().tasks().get("main").memory());
        assertEquals(1755600001000000000L, e.createTime());
        assertTrue(json.get("CreateTime").isIntegralNumber());
        assertEquals("http://127.0.0.1:6001/e-5b6c7d8e-0000-4000-8000-000000000001.tar.gz",
                e.publishedResult().param("URL"));
    }

    @Test
    void jobAndPartitionIndexAreLeftOutWhenUnset() throws Exception {
        JsonNode json = Json.mapper().readTree(COMPLETED);
        Execution e = Json.read(COMPLETED, Execution.class);

        JsonNode written = Json.mapper().readTree(Json.write(e));

        assertFalse(json.has("Job"));
        assertFalse(written.has("Job"));
        assertFalse(written.has("PartitionIndex"));
    }

    @Test
    void jobAndPartitionIndexAreWrittenWhenSet() throws Exception {
        Job job = Json.read("{\"ID\":\"j-1\",\"Type\":\"batch\"}", Job.class);
        Execution e = Execution.create("e-1", job, "n-1", "ev-1", 2,
                DesiredState.of(DesiredStateType.Pending, ""), AllocatedResources.of("main", Resources.of(1, 0, 0, 0)),
                42L).withJob(job);

        JsonNode json = Json.mapper().readTree(Json.write(e));

        assertEquals(2, json.get("PartitionIndex").asInt());
        assertEquals("j-1", json.get("Job").get("ID").asText());
        assertEquals(1, json.get("ComputeState").get("StateType").asInt());
        assertEquals(0, json.get("DesiredState").get("StateType").asInt());
        assertEquals(e, Json.read(Json.write(e), Execution.class));
    }
}
