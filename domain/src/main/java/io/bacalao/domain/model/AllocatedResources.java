package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Resources a node set aside for an execution, per task name. */
public record AllocatedResources(@JsonProperty("Tasks") Map<String, Resources> tasks) {
    public AllocatedResources {
        tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
    }

    public static AllocatedResources of(String task, Resources r) {
        return new AllocatedResources(Map.of(task, r));
    }

    public Resources total() {
        Resources sum = Resources.ZERO;
        for (Resources r : tasks.values()) sum = sum.plus(r);
        return sum;
    }
}
