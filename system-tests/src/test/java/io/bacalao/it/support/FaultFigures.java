package io.bacalao.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.model.ExecutionStateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one fault test measured (issue 16, fault suite), read from the orchestrator's API once its jobs ended, and
 * printed as one line: jobs submitted; completed; lost (submitted but unknown to the orchestrator or not ended
 * Completed: must be none); duplicated (a partition with more than one Completed execution: must be none); and the
 * time to recover from the end of the fault to the event {@code recoveredWhen} names (the first job submitted after
 * it completed, or the node reconnected).
 */
public record FaultFigures(String fault, int submitted, int completed, List<String> lost, List<String> duplicated,
        Duration recovery, String recoveredWhen) {

    /** The figures of {@code jobs} (each expected to complete), as the orchestrator holds them now. */
    public static FaultFigures measure(String fault, Api api, Collection<String> jobs, Duration recovery,
            String recoveredWhen) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        for (String id : jobs) {
            Api.Response job = api.get("/api/v1/orchestrator/jobs/" + id);
            if (job.status() != 200 || !job.json().get("Job").get("State").get("StateType").asText().equals("Completed")) {
                lost.add(id);
            }
            if (partitionCompletedTwice(api, id)) duplicated.add(id);
        }
        return new FaultFigures(fault, jobs.size(), jobs.size() - lost.size(), List.copyOf(lost), List.copyOf(duplicated),
                recovery, recoveredWhen);
    }

    /** Milliseconds since a {@link System#nanoTime()} reading, as a duration. */
    public static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    public String line() {
        return String.format("fault %s: %d jobs submitted, %d completed, %d lost, %d duplicated, recovered in %.1fs (fault end → %s)",
                fault, submitted, completed, lost.size(), duplicated.size(), recovery.toMillis() / 1000.0, recoveredWhen);
    }

    /** Prints {@link #line()} and fails when a job was lost or a partition completed twice. */
    public FaultFigures printAndCheck() {
        System.out.println(line());
        assertEquals(List.of(), lost, "jobs lost by fault " + fault);
        assertEquals(List.of(), duplicated, "jobs with a partition completed twice in fault " + fault);
        return this;
    }

    private static boolean partitionCompletedTwice(Api api, String jobId) {
        Api.Response r = api.get("/api/v1/orchestrator/jobs/" + jobId + "/executions");
        if (r.status() != 200) return false;
        Set<Integer> seen = new HashSet<>();
        for (JsonNode e : r.json().get("Items")) {
            // execution states travel as Bacalhau's numbers
            if (e.get("ComputeState").get("StateType").asInt(-1) == ExecutionStateType.Completed.json()
                    && !seen.add(e.path("PartitionIndex").asInt(0))) {
                return true;
            }
        }
        return false;
    }
}
