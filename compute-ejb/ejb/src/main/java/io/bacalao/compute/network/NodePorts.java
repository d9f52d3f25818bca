package io.bacalao.compute.network;

import io.bacalao.compute.bidding.admission.BidStrategy;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.PortMapping;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * This node's {@link PortAllocator} over {@code Compute.Network.PortRangeStart..PortRangeEnd}: the bidder asks it
 * whether a job's port mappings can be served, the runner takes the ports just before the executor runs and
 * releases them once the executor has cleaned up, however the run ended.
 */
@ApplicationScoped
public class NodePorts {
    private static final Logger LOG = Logger.getLogger(NodePorts.class.getName());
    @Inject
    ComputeSettings settings;

    private PortAllocator allocator;
    private String configProblem;

    @PostConstruct
    void init() {
        int start = settings.config().getInt(ConfigKeys.COMPUTE_PORT_RANGE_START);
        int end = settings.config().getInt(ConfigKeys.COMPUTE_PORT_RANGE_END);
        try {
            int firstTry = start + java.util.concurrent.ThreadLocalRandom.current().nextInt(Math.max(1, end - start + 1));
            allocator = new PortAllocator(start, end, firstTry, new HostPortProbe());
        } catch (IllegalArgumentException e) {
            configProblem = ConfigKeys.COMPUTE_PORT_RANGE_START + "/" + ConfigKeys.COMPUTE_PORT_RANGE_END + ": " + e.getMessage();
            LOG.severe(configProblem + "; jobs with port mappings are refused");
        }
    }

    /** The bidder's rule: why this node cannot give the job's port mappings host ports now. */
    public Optional<String> refusal(Job job) {
        NetworkConfig network = job.task().network();
        if (network.ports().isEmpty() || !PortAllocator.allocatesPorts(network.type())) return Optional.empty();
        if (allocator == null) return Optional.of(BidStrategy.NOT + "serve port mappings until its configuration is fixed: " + configProblem);
        return allocator.refusal(network).map(r -> BidStrategy.NOT + "have the ports the job maps: " + r);
    }

    /** The job with its port mappings' host (and target) ports filled in, now held by {@code executionId}. */
    public Job allocate(String executionId, Job job) throws ExecutionFailure {
        NetworkConfig network = job.task().network();
        if (network.ports().isEmpty() || !PortAllocator.allocatesPorts(network.type())) return job;
        if (allocator == null) throw new ExecutionFailure(configProblem, EventTopics.PREPARING_ENVIRONMENT);
        try {
            List<PortMapping> ports = allocator.allocate(executionId, network);
            return job.withTask(job.task().withNetwork(new NetworkConfig(network.type(), network.domains(), ports)));
        } catch (PortAllocator.PortsUnavailable e) {
            throw new ExecutionFailure("could not allocate the job's ports: " + e.getMessage(), EventTopics.PREPARING_ENVIRONMENT);
        }
    }

    public void release(String executionId) {
        if (allocator != null) allocator.release(executionId);
    }
}
