package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a compute node offers: engines, storages, publishers and capacity (MaxCapacity = MaxJobRequirements). */
public record ComputeNodeInfo(
        @JsonProperty("ExecutionEngines") List<String> executionEngines,
        @JsonProperty("Publishers") List<String> publishers,
        @JsonProperty("StorageSources") List<String> storageSources,
        @JsonProperty("MaxCapacity") Resources maxCapacity,
        @JsonProperty("QueueCapacity") Resources queueCapacity,
        @JsonProperty("AvailableCapacity") Resources availableCapacity,
        @JsonProperty("MaxJobRequirements") Resources maxJobRequirements,
        @JsonProperty("RunningExecutions") int runningExecutions,
        @JsonProperty("EnqueuedExecutions") int enqueuedExecutions,
        @JsonProperty("address") String address) {

    public ComputeNodeInfo {
        executionEngines = executionEngines == null ? List.of() : List.copyOf(executionEngines);
        publishers = publishers == null ? List.of() : List.copyOf(publishers);
        storageSources = storageSources == null ? List.of() : List.copyOf(storageSources);
        maxCapacity = maxCapacity == null ? Resources.ZERO : maxCapacity;
        queueCapacity = queueCapacity == null ? Resources.ZERO : queueCapacity;
        availableCapacity = availableCapacity == null ? Resources.ZERO : availableCapacity;
        maxJobRequirements = maxJobRequirements == null ? maxCapacity : maxJobRequirements;
        address = address == null ? "" : address;
    }

    public boolean supportsEngine(String engine) {
        return containsIgnoreCase(executionEngines, engine);
    }

    public boolean supportsPublisher(String publisher) {
        return containsIgnoreCase(publishers, publisher);
    }

    public boolean supportsStorage(String storage) {
        return containsIgnoreCase(storageSources, storage);
    }

    /** A plain loop: the scheduler asks this of every node for every job, thousands of times per second. */
    private static boolean containsIgnoreCase(List<String> values, String wanted) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(wanted)) return true;
        }
        return false;
    }
}
