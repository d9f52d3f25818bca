package io.bacalao.compute.executor.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an execution becomes a container (reference §5.5), decided without talking to the engine: image,
 * entrypoint and command (Docker's semantics: an empty Entrypoint keeps the image's), environment (injected
 * BACALHAU_* and task Env, then the engine's EnvironmentVariables), working directory, binds (inputs read-only
 * unless granted read-write, one read-write folder per ResultPath), network, limits, GPUs and labels.
 */
public record ContainerPlan(String name, String image, List<String> entrypoint, List<String> cmd, List<String> env,
                            String workingDir, List<Bind> binds, String networkMode, long memoryBytes, long nanoCpus,
                            long gpus, Map<String, String> labels) {

    public static ContainerPlan of(ExecutionRequest r, String nodeId) throws ExecutionFailure {
        Job job = r.job();
        Task task = job.task();
        SpecConfig engine = task.engine();
        String image = engine.param("Image");
        if (image == null || image.isBlank()) throw new ExecutionFailure("docker engine spec has no Image");
        List<String> env = new ArrayList<>();
        r.environment().forEach((k, v) -> env.add(k + "=" + v));
        env.addAll(engine.listParam("EnvironmentVariables"));
        List<Bind> binds = new ArrayList<>();
        for (Mount m : r.inputs()) {
            binds.add(new Bind(m.hostPath().toString(), new Volume(m.target()), m.readWrite() ? AccessMode.rw : AccessMode.ro));
        }
        for (ResultPath out : task.resultPaths()) {
            binds.add(new Bind(r.outputDir(out.name()).toString(), new Volume(out.path()), AccessMode.rw));
        }
        Resources res = Resources.parse(task.resources());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DockerEngine.LABEL_MANAGED, "true");
        labels.put(DockerEngine.LABEL_NODE, nodeId);
        labels.put(DockerEngine.LABEL_JOB, job.id());
        labels.put(DockerEngine.LABEL_EXECUTION, r.executionId());
        String workdir = engine.param("WorkingDirectory");
        return new ContainerPlan("bacalao-" + r.executionId(), image, engine.listParam("Entrypoint"),
                engine.listParam("Parameters"), env, workdir == null ? "" : workdir, binds,
                networkMode(task.network().type()), res.memory(), (long) (res.cpu() * 1e9), res.gpu(), labels);
    }

    /** Default and Bridge use Docker's bridge; None isolates; Host and its alias Full share the host's network. */
    static String networkMode(NetworkType type) throws ExecutionFailure {
        return switch (type) {
            case None -> "none";
            case Host, Full -> "host";
            case Default, Bridge -> "bridge";
            case HTTP -> throw new ExecutionFailure("network type HTTP (domain allow-list) is not supported by this node yet");
        };
    }

    public HostConfig hostConfig() {
        HostConfig hc = HostConfig.newHostConfig().withBinds(binds).withNetworkMode(networkMode);
        if (memoryBytes > 0) hc.withMemory(memoryBytes).withMemorySwap(memoryBytes);
        if (nanoCpus > 0) hc.withNanoCPUs(nanoCpus);
        if (gpus > 0) {
            hc.withDeviceRequests(List.of(new DeviceRequest().withDriver("nvidia").withCount((int) gpus)
                    .withCapabilities(List.of(List.of("gpu")))));
        }
        return hc;
    }
}
