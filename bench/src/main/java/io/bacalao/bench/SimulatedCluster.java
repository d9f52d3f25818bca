package io.bacalao.bench;

import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.ConnectionState;
import io.bacalao.domain.model.Evaluation;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobState;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.LabelSelectorRequirement;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * In-memory cluster and jobs for B3: approved, connected compute nodes of mixed shape (2–16 CPU, 4 regions,
 * a quarter with GPUs' label, docker + wasm), partly busy, and batch jobs that ask for 1 CPU and 1 GB in one region
 * of preference ({@code favour_region}) — so every ranker has work to do on every node.
 */
final class SimulatedCluster {
    private static final String[] REGIONS = {"eu", "us", "ap", "sa"};
    private static final long GB = 1_000_000_000L;

    private SimulatedCluster() {
    }

    static List<NodeState> nodes(int count, Instant now) {
        Random r = new Random(7);
        List<NodeState> nodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double cpu = 2 << r.nextInt(4);
            Resources max = Resources.of(cpu, (long) cpu * 4 * GB, 500 * GB, 0);
            Resources available = Resources.of(cpu * r.nextDouble(), (long) (max.memory() * r.nextDouble()), 400 * GB, 0);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("region", REGIONS[i % REGIONS.length]);
            labels.put("os_type", "linux");
            labels.put("os_arch", "amd64");
            if (i % 4 == 0) labels.put("accelerator", "gpu");
            String id = String.format("n-%08d-0000-4000-8000-000000000000", i);
            labels.put("name", id);
            ComputeNodeInfo info = new ComputeNodeInfo(List.of("docker", "wasm", "noop"), List.of("local", "noop"),
                    List.of("urlDownload", "inline", "local"), max, Resources.ZERO, available, max, 1, 0, "10.0.0.1");
            nodes.add(new NodeState(new NodeInfo(id, NodeType.Compute, labels, List.of("bacalao/v1"), info, null),
                    NodeMembership.APPROVED, ConnectionState.connected(now.minusSeconds(600))));
        }
        return nodes;
    }

    static Job job(int serial, int count, long nowNanos) {
        Task task = Task.of("main", SpecConfig.of("docker", Map.of("Image", "busybox")))
                .withPublisher(SpecConfig.of("local")).withResources(new ResourcesConfig("1", "1GB", null, null));
        String id = String.format("j-%08d-0000-4000-8000-000000000000", serial);
        return new Job(id, id, "default", "batch", 0, count,
                List.of(new LabelSelectorRequirement("favour_region", "=", List.of("eu")),
                        new LabelSelectorRequirement("os_type", "=", List.of("linux"))),
                Map.of(), Map.of(), List.of(task), JobState.of(JobStateType.Pending), 1, 1, nowNanos, nowNanos);
    }

    static Evaluation evaluation(Job job, long nowNanos) {
        return Evaluation.create(job, EvaluationTrigger.JOB_REGISTER, nowNanos);
    }
}
