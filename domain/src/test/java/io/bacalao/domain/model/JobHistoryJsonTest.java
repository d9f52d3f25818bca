package io.bacalao.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A row of `GET …/history` (reference §3.6): RFC 3339 times, type by name, ExecutionID only when set. */
class JobHistoryJsonTest {
    private static final String EXECUTION_LEVEL = """
            {"SeqNum":3,"Type":"ExecutionLevel","JobID":"j-1","JobVersion":1,"ExecutionID":"e-1",
             "Event":{"Message":"Running","Topic":"Execution","Timestamp":"2026-08-19T10:00:01.5Z","Details":{}},
             "Time":"2026-08-19T10:00:01.6Z"}
            """;

    @Test
    void theReferenceRowDecodes() {
        JobHistory h = Json.read(EXECUTION_LEVEL, JobHistory.class);

        assertEquals(3, h.seqNum());
        assertEquals(HistoryType.ExecutionLevel, h.type());
        assertEquals("e-1", h.executionId());
        assertEquals("Running", h.event().message());
        assertEquals("Execution", h.event().topic());
        assertEquals(Instant.parse("2026-08-19T10:00:01.500Z"), h.event().timestamp());
        assertEquals(Instant.parse("2026-08-19T10:00:01.600Z"), h.time());
    }

    @Test
    void aRowIsWrittenWithNamesAndRfc3339Times() throws Exception {
        JobHistory h = Json.read(EXECUTION_LEVEL, JobHistory.class);

        JsonNode json = Json.mapper().readTree(Json.write(h));

        assertEquals("ExecutionLevel", json.get("Type").asText());
        assertEquals(h.time(), Instant.parse(json.get("Time").asText()));
        assertEquals(h.event().timestamp(), Instant.parse(json.get("Event").get("Timestamp").asText()));
        assertFalse(json.get("Event").has("Details"));
        assertEquals(h, Json.read(Json.write(h), JobHistory.class));
    }

    @Test
    void aJobLevelRowHasNoExecutionId() throws Exception {
        JobHistory h = new JobHistory(1, HistoryType.JobLevel, "j-1", 1, "",
                Event.of("Submission", "Job submitted", Instant.parse("2026-08-19T10:00:00Z")), Instant.EPOCH);

        JsonNode json = Json.mapper().readTree(Json.write(h));

        assertFalse(json.has("ExecutionID"));
        assertEquals("JobLevel", json.get("Type").asText());
    }
}
