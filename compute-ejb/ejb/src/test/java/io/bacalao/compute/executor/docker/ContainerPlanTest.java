package io.bacalao.compute.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.ExecutionRequest;
import io.bacalao.compute.logs.OutputCapture;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.PortMapping;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container settings decided before the engine is asked: security rules and image references. */
class ContainerPlanTest {
    @TempDir
    Path dir;

    private ContainerPlan plan(Task task, ContainerSecurity security) throws Exception {
        Job job = new Job("j-1", "n", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        Execution e = Execution.create("e-1", job, "n-1", "ev", 0, DesiredState.of(DesiredStateType.Running, ""),
                AllocatedResources.of("main", Resources.ZERO), 0).withJob(job);
        Path results = Files.createDirectories(dir.resolve("results"));
        try (OutputCapture capture = new OutputCapture(results, dir.resolve("logs"))) {
            return ContainerPlan.of(new ExecutionRequest(e, dir, results, List.of(), Map.of(), capture), "n-1", security);
        }
    }

    private static Task image(String image) {
        return Task.of("main", SpecConfig.of("docker", Map.of("Image", image)));
    }

    @Test
    void everyContainerIsUnprivilegedWithNoNewPrivilegesAPidLimitAndTheConfiguredCapabilities() throws Exception {
        HostConfig hc = plan(image("busybox"), ContainerSecurity.defaults()).hostConfig();
        assertEquals(false, hc.getPrivileged());
        assertEquals(List.of("no-new-privileges:true"), hc.getSecurityOpts());
        assertEquals(1024L, hc.getPidsLimit());
        assertEquals(List.of(Capability.ALL), List.of(hc.getCapDrop()));
        assertEquals(8, hc.getCapAdd().length);

        Config config = Config.defaults().with("Engines.Types.Docker.Capabilities", "cap_chown, setuid")
                .with("Engines.Types.Docker.PidsLimit", "50");
        HostConfig custom = plan(image("busybox"), ContainerSecurity.from(config)).hostConfig();
        assertEquals(List.of(Capability.CHOWN, Capability.SETUID), List.of(custom.getCapAdd()));
        assertEquals(50L, custom.getPidsLimit());
    }

    @Test
    void aCapabilityListThatIsNotNamesIsAConfigurationError() {
        for (String bad : List.of("ALL", "SYS-ADMIN", "chown;rm")) {
            Config config = Config.defaults().with("Engines.Types.Docker.Capabilities", bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerSecurity.from(config));
            assertTrue(e.getMessage().startsWith("Engines.Types.Docker.Capabilities"), e.getMessage());
        }
    }

    @Test
    void hostNetworkingNeedsANodeThatAcceptsNetworkedJobs() throws Exception {
        Task host = image("busybox").withNetwork(new NetworkConfig(NetworkType.Host, null, null));
        assertEquals("host", plan(host, ContainerSecurity.defaults()).networkMode());
        ContainerSecurity strict = ContainerSecurity.from(Config.defaults().with("JobAdmissionControl.RejectNetworkedJobs", "true"));
        ExecutionFailure f = assertThrows(ExecutionFailure.class, () -> plan(host, strict));
        assertEquals("Preparing Environment", f.topic());
        assertEquals("none", plan(image("busybox").withNetwork(new NetworkConfig(NetworkType.None, null, null)), strict).networkMode());
    }

    @Test
    void bridgePortMappingsArePublishedOnTheirHostAddress() throws Exception {
        Task bridge = image("busybox").withNetwork(new NetworkConfig(NetworkType.Bridge, null, List.of(
                new PortMapping("web", 20000, 8080, null), new PortMapping("api", 20001, 20001, "127.0.0.1"))));

        ContainerPlan plan = plan(bridge, ContainerSecurity.defaults());

        assertEquals(List.of(ExposedPort.tcp(8080), ExposedPort.tcp(20001)), plan.exposedPorts());
        Map<ExposedPort, Ports.Binding[]> bindings = plan.hostConfig().getPortBindings().getBindings();
        assertEquals(List.of(Ports.Binding.bindIpAndPort("0.0.0.0", 20000)), List.of(bindings.get(ExposedPort.tcp(8080))));
        assertEquals(List.of(Ports.Binding.bindIpAndPort("127.0.0.1", 20001)), List.of(bindings.get(ExposedPort.tcp(20001))));
        assertEquals(List.of("host.docker.internal:host-gateway"), List.of(plan.hostConfig().getExtraHosts()));
    }

    @Test
    void aHostNetworkPublishesNothing() throws Exception {
        Task host = image("busybox").withNetwork(new NetworkConfig(NetworkType.Host, null, List.of(
                new PortMapping("web", 20000, 0, null))));

        ContainerPlan plan = plan(host, ContainerSecurity.defaults());

        assertEquals(List.of(), plan.exposedPorts());
        assertEquals(null, plan.hostConfig().getPortBindings());
    }

    @Test
    void anUntaggedImageMeansLatestOnly() throws Exception {
        assertEquals("busybox:latest", plan(image("busybox"), ContainerSecurity.defaults()).image());
        assertEquals("localhost:5000/team/app:latest", ImageReference.withDefaultTag("localhost:5000/team/app"));
        assertEquals("localhost:5000/team/app:1.2", ImageReference.withDefaultTag("localhost:5000/team/app:1.2"));
        assertEquals("app@sha256:abc", ImageReference.withDefaultTag("app@sha256:abc"));
        assertEquals("localhost:5000/team/app", ImageReference.repository("localhost:5000/team/app:latest"));
        assertEquals("latest", ImageReference.tagOrDigest("localhost:5000/team/app:latest"));
        assertEquals("app", ImageReference.repository("app@sha256:abc"));
        assertEquals("sha256:abc", ImageReference.tagOrDigest("app@sha256:abc"));
    }
}
