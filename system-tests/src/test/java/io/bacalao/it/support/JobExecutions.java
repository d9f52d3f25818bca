package io.bacalao.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.model.ExecutionStateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A job's executions as the orchestrator lists them ({@code GET /api/v1/orchestrator/jobs/<id>/executions}). */
public final class JobExecutions {
    private JobExecutions() {
    }

    public static List<JsonNode> of(Api api, String job) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/api/v1/orchestrator/jobs/" + job + "/executions").json().get("Items").forEach(all::add);
        return all;
    }

    public static JsonNode find(Api api, String job, String executionId) {
        return of(api, job).stream().filter(e -> e.get("ID").asText().equals(executionId)).findFirst()
                .orElseThrow(() -> new AssertionError("job " + job + " has no execution " + executionId));
    }

    /** Waits for an execution of the job that is Running, other than {@code except} (may be null), and returns it. */
    public static JsonNode awaitRunning(Api api, String job, String except) {
        JsonNode[] found = new JsonNode[1];
        Waits.until("an execution of " + job + " running", Duration.ofSeconds(90), () -> {
            for (JsonNode e : of(api, job)) {
                if (e.get("ID").asText().equals(except)) continue;
                if (state(e) == ExecutionStateType.Running) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** True when the execution's observed state is terminal (it runs nowhere any more, as far as the orchestrator knows). */
    public static boolean ended(JsonNode execution) {
        return state(execution).isTerminal();
    }

    /** The observed state (execution states travel as Bacalhau's numbers). */
    public static ExecutionStateType state(JsonNode execution) {
        return ExecutionStateType.parse(execution.get("ComputeState").get("StateType").asInt());
    }
}
