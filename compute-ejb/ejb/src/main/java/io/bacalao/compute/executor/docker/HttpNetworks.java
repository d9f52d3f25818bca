package io.bacalao.compute.executor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.network.EgressProxy;
import io.bacalao.domain.model.EventTopics;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The networks of executions with an HTTP network (Bacalhau's {@code NetworkHTTP}): each gets its own internal Docker
 * network (no route out) named like its container, and an {@link EgressProxy} that this node runs on the network's
 * gateway address, the one way out, to the job's Domains only. The container is told the proxy by {@code http_proxy}
 * and {@code https_proxy} (both cases). {@link #close} removes both once the container is gone; networks a crash
 * left are removed at start-up.
 */
final class HttpNetworks {
    private static final Logger LOG = Logger.getLogger(HttpNetworks.class.getName());
    private final Map<String, EgressProxy> proxies = new ConcurrentHashMap<>();

    /** Makes the execution's network and proxy; returns the network's name and the proxy URL. */
    Opened open(DockerClient docker, String executionId, List<String> domains, Map<String, String> labels)
            throws ExecutionFailure {
        String name = ContainerPlan.nameOf(executionId);
        try {
            close(docker, executionId);
            String id = docker.createNetworkCmd().withName(name).withDriver("bridge").withInternal(true)
                    .withLabels(labels).exec().getId();
            Network network = docker.inspectNetworkCmd().withNetworkId(id).exec();
            String gateway = network.getIpam().getConfig().stream().map(Network.Ipam.Config::getGateway)
                    .filter(g -> g != null && !g.isBlank()).findFirst()
                    .orElseThrow(() -> new ExecutionFailure("the job's internal network " + name + " has no gateway address",
                            EventTopics.PREPARING_ENVIRONMENT));
            EgressProxy proxy = EgressProxy.start(executionId, domains, InetAddress.getByName(gateway));
            proxies.put(executionId, proxy);
            return new Opened(name, proxy.url());
        } catch (IOException e) {
            close(docker, executionId);
            throw new ExecutionFailure("could not start the HTTP egress proxy of the job's network: " + e.getMessage(),
                    EventTopics.PREPARING_ENVIRONMENT);
        } catch (RuntimeException e) {
            close(docker, executionId);
            throw new ExecutionFailure("could not create the job's HTTP network: " + DockerMessages.of(e),
                    EventTopics.PREPARING_ENVIRONMENT);
        }
    }

    /** Stops the execution's proxy and removes its network; nothing when it has none. Never throws. */
    void close(DockerClient docker, String executionId) {
        EgressProxy proxy = proxies.remove(executionId);
        if (proxy != null) proxy.close();
        removeNetwork(docker, ContainerPlan.nameOf(executionId));
    }

    /** Removes the HTTP networks a previous run of this node left; returns how many. */
    int removeLeftovers(DockerClient docker, String nodeId) {
        try {
            List<Network> left = docker.listNetworksCmd().withFilter("label", List.of(DockerEngine.LABEL_NODE + "=" + nodeId)).exec();
            left.forEach(n -> removeNetwork(docker, n.getId()));
            return left.size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void removeNetwork(DockerClient docker, String network) {
        try {
            docker.removeNetworkCmd(network).exec();
        } catch (NotFoundException gone) {
            // never made, or already removed
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not remove network " + network + " (" + DockerMessages.of(e)
                    + "); the node removes it when it next starts");
        }
    }

    record Opened(String network, String proxyUrl) {
    }
}
