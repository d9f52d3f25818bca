package io.bacalao.compute.executor.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.executor.MountGuard;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.PortMapping;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an execution becomes a container (reference §5.5), decided without talking to the engine: image (an untagged
 * one means {@code :latest}), entrypoint and command (Docker's semantics: an empty Entrypoint keeps the image's),
 * environment (injected BACALHAU_* and task Env, then the engine's EnvironmentVariables), working directory, bind
 * mounts checked by {@link MountGuard} (inputs read-only unless granted read-write, one read-write folder per
 * ResultPath; a bind source that does not exist is an error, never created by the engine), network, limits, GPUs,
 * labels, and the node's {@link ContainerSecurity}. The port mappings of a Bridge network (their host ports already
 * allocated) are published on their HostNetwork address (all interfaces when empty); a Host network needs none.
 * Bridge and Host containers can reach the node as {@code host.docker.internal}, as in Bacalhau.
 */
public record ContainerPlan(String name, String image, List<String> entrypoint, List<String> cmd, List<String> env,
                            String workingDir, List<Mount> mounts, String networkMode, List<PortMapping> ports,
                            long memoryBytes, long nanoCpus,
                            long gpus, Map<String, String> labels, ContainerSecurity security) {

    public static ContainerPlan of(ExecutionRequest r, String nodeId, ContainerSecurity security) throws ExecutionFailure {
        Job job = r.job();
        Task task = job.task();
        SpecConfig engine = task.engine();
        String image = engine.param("Image");
        if (image == null || image.isBlank()) throw new ExecutionFailure("docker engine spec has no Image");
        String network = networkMode(task.network().type(), r.executionId());
        if (network.equals("host") && !security.hostNetworkAllowed()) {
            throw new ExecutionFailure("this node does not run networked jobs (JobAdmissionControl.RejectNetworkedJobs);"
                    + " host networking refused", EventTopics.PREPARING_ENVIRONMENT);
        }
        MountGuard.Plan checked = MountGuard.check(r);
        List<Mount> mounts = new ArrayList<>();
        for (MountGuard.Bind in : checked.inputs()) mounts.add(bind(in.hostPath().toString(), in.target(), !in.readWrite()));
        for (MountGuard.Output out : checked.outputs()) mounts.add(bind(out.hostDir().toString(), out.target(), false));
        List<String> env = new ArrayList<>();
        r.environment().forEach((k, v) -> env.add(k + "=" + v));
        env.addAll(engine.listParam("EnvironmentVariables"));
        Resources res = Resources.parse(task.resources());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DockerEngine.LABEL_MANAGED, "true");
        labels.put(DockerEngine.LABEL_NODE, nodeId);
        labels.put(DockerEngine.LABEL_JOB, job.id());
        labels.put(DockerEngine.LABEL_EXECUTION, r.executionId());
        String workdir = engine.param("WorkingDirectory");
        return new ContainerPlan(nameOf(r.executionId()), ImageReference.withDefaultTag(image.strip()),
                engine.listParam("Entrypoint"), engine.listParam("Parameters"), env, workdir == null ? "" : workdir,
                List.copyOf(mounts), network, task.network().ports(), res.memory(), (long) (res.cpu() * 1e9), res.gpu(), labels, security);
    }

    /** The container's name: one container per execution, found again by it for removal. */
    public static String nameOf(String executionId) {
        return "bacalao-" + executionId;
    }

    private static Mount bind(String source, String target, boolean readOnly) {
        return new Mount().withType(MountType.BIND).withSource(source).withTarget(target).withReadOnly(readOnly);
    }

    /**
     * Default and Bridge use Docker's bridge; None isolates; Host and its alias Full share the host's network; HTTP
     * is the execution's own internal network, named like its container ({@link HttpNetworks}).
     */
    static String networkMode(NetworkType type, String executionId) {
        return switch (type) {
            case None -> "none";
            case Host, Full -> "host";
            case Default, Bridge -> "bridge";
            case HTTP -> nameOf(executionId);
        };
    }

    /** Whether the container joins its own internal network whose only way out is an egress proxy (HTTP). */
    public boolean needsEgressProxy() {
        return !List.of("none", "host", "bridge").contains(networkMode);
    }

    /** This plan on {@code network}, told {@code proxyUrl} in http_proxy and https_proxy (both cases). */
    public ContainerPlan withEgress(String network, String proxyUrl) {
        List<String> withProxy = new ArrayList<>(env);
        for (String name : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) withProxy.add(name + "=" + proxyUrl);
        return new ContainerPlan(name, image, entrypoint, cmd, List.copyOf(withProxy), workingDir, mounts, network, ports,
                memoryBytes, nanoCpus, gpus, labels, security);
    }

    /** The container ports a Bridge network publishes: each mapping's Target, over TCP. */
    public List<ExposedPort> exposedPorts() {
        if (!networkMode.equals("bridge")) return List.of();
        return ports.stream().map(p -> ExposedPort.tcp(p.target())).toList();
    }

    private Ports portBindings() {
        Ports bindings = new Ports();
        for (PortMapping p : ports) {
            String ip = p.hostNetwork() == null || p.hostNetwork().isEmpty() ? "0.0.0.0" : p.hostNetwork();
            bindings.bind(ExposedPort.tcp(p.target()), Ports.Binding.bindIpAndPort(ip, p.staticPort()));
        }
        return bindings;
    }

    public HostConfig hostConfig() {
        HostConfig hc = HostConfig.newHostConfig().withMounts(mounts).withNetworkMode(networkMode)
                .withPrivileged(false).withSecurityOpts(List.of("no-new-privileges:true"))
                .withCapDrop(Capability.ALL).withCapAdd(security.capabilities().stream().map(Capability::valueOf)
                        .toArray(Capability[]::new));
        if (networkMode.equals("bridge") || networkMode.equals("host")) hc.withExtraHosts("host.docker.internal:host-gateway");
        if (!exposedPorts().isEmpty()) hc.withPortBindings(portBindings());
        if (security.pidsLimit() > 0) hc.withPidsLimit(security.pidsLimit());
        if (memoryBytes > 0) hc.withMemory(memoryBytes).withMemorySwap(memoryBytes);
        if (nanoCpus > 0) hc.withNanoCPUs(nanoCpus);
        if (gpus > 0) {
            hc.withDeviceRequests(List.of(new DeviceRequest().withDriver("nvidia").withCount((int) gpus)
                    .withCapabilities(List.of(List.of("gpu")))));
        }
        return hc;
    }
}
