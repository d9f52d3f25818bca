package io.bacalao.orchestrator.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dry-run diff: changed lines of the spec's YAML with "-"/"+", bookkeeping and server meta ignored. */
class SpecDiffTest {
    private static Job job(String image, int count, String cpu) {
        Task t = Task.of("main", SpecConfig.of("docker", Map.of("Image", image)))
                .withResources(new ResourcesConfig(cpu, "512Mb", null, null));
        return new Job("j-1", "web", "default", "batch", 0, count, null, Map.of("bacalhau.org/requester.id", "n-1"),
                null, List.of(t), JobState.of(JobStateType.Running), 3, 9, 100, 200);
    }

    @Test
    void identicalSpecsHaveNoDiff() {
        Job stored = job("busybox", 1, "500m");
        Job again = new Job("j-1", "web", "default", "batch", 0, 1, null, Map.of(), null, stored.tasks(),
                JobState.of(JobStateType.Pending), 0, 0, 0, 0);
        assertEquals("", SpecDiff.between(stored, again));
    }

    @Test
    void resourceStringsCompareCaseInsensitively() {
        assertEquals("", SpecDiff.between(job("busybox", 1, "500M"), job("busybox", 1, "500m")));
    }

    @Test
    void changedFieldsShowTheStoredAndTheNewLine() {
        String diff = SpecDiff.between(job("busybox", 1, "500m"), job("alpine", 3, "500m"));
        assertTrue(diff.contains("- Count: 1\n+ Count: 3"), diff);
        assertTrue(diff.matches("(?s).*\\n- +Image: busybox\\n\\+ +Image: alpine\\n.*"), diff);
        assertTrue(diff.lines().allMatch(l -> l.startsWith("- ") || l.startsWith("+ ") || l.startsWith("  ")), diff);
        assertTrue(diff.lines().noneMatch(l -> l.contains("Revision") || l.contains("bacalhau.org")), diff);
    }
}
