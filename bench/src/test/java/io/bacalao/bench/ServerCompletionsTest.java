package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.spec.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCompletionsTest {
    @Test
    void countsTheJobsCompletedInsideTheWindowOnly() throws Exception {
        String jobs = "[" + job("Completed", 99) + "," + job("Completed", 100) + "," + job("Completed", 199) + ","
                + job("Completed", 200) + "," + job("Failed", 150) + "," + job("Running", 150) + "]";
        assertEquals(2, ServerCompletions.within(Json.mapper().readTree(jobs), 100, 200));
    }

    @Test
    void readsEveryPageOfTheListingWithItsTokenEncoded() throws Exception {
        List<String> asked = new ArrayList<>();
        long count = ServerCompletions.within(path -> {
            asked.add(path);
            return path.endsWith("next_token=p%2B2")
                    ? "{\"Items\":[" + job("Completed", 150) + "],\"NextToken\":\"\"}"
                    : "{\"Items\":[" + job("Completed", 120) + "," + job("Completed", 500) + "],\"NextToken\":\"p+2\"}";
        }, 100, 200);
        assertEquals(2, count);
        assertEquals(List.of("/api/v1/orchestrator/jobs?limit=1000", "/api/v1/orchestrator/jobs?limit=1000&next_token=p%2B2"),
                asked);
    }

    private static String job(String state, long modifyTime) {
        return "{\"State\":{\"StateType\":\"" + state + "\"},\"ModifyTime\":" + modifyTime + "}";
    }
}
