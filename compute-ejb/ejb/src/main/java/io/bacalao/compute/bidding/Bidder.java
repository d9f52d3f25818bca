package io.bacalao.compute.bidding;

import io.bacalao.compute.bidding.admission.BidStrategy;
import io.bacalao.compute.bidding.admission.EnvResolverStrategy;
import io.bacalao.compute.bidding.admission.ExecProbe;
import io.bacalao.compute.bidding.admission.HttpProbe;
import io.bacalao.compute.bidding.admission.InputLocalityStrategy;
import io.bacalao.compute.bidding.admission.Locality;
import io.bacalao.compute.bidding.admission.NetworkingStrategy;
import io.bacalao.compute.bidding.admission.StatelessJobStrategy;
import io.bacalao.compute.capacity.NodeCapacity;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.env.EnvResolver;
import io.bacalao.compute.executor.Executor;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.network.NodePorts;
import io.bacalao.compute.storage.Storages;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.Task;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides whether this node bids on a job (reference §5.2), with Bacalhau's chain of strategies in its order:
 * admission control (networking, stateless jobs), the engine and what its executor says, the host ports of the
 * job's port mappings ({@link NodePorts}), the publisher, the input
 * types, input locality, the exec and HTTP probes, the {@code env:} allow-list, then Bacalao's execution-timeout
 * ceiling ({@link TimeoutLimit}) and the node's largest allowed job. The chain is built once from the node's
 * configuration.
 */
@ApplicationScoped
public class Bidder {
    private static final Logger LOG = Logger.getLogger(Bidder.class.getName());
    @Inject
    Executors executors;
    @Inject
    Capabilities capabilities;
    @Inject
    NodeCapacity capacity;
    @Inject
    Storages storages;
    @Inject
    ComputeSettings settings;
    @Inject
    NodePorts ports;

    private BidChain chain;
    private HttpClient probeClient;
    private boolean networkDefaultsToNone;

    @PostConstruct
    void init() {
        Config c = settings.config();
        Duration probeTimeout = c.getDuration(ConfigKeys.PROBE_TIMEOUT);
        probeClient = HttpClient.newBuilder().connectTimeout(probeTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        networkDefaultsToNone = c.getBool(ConfigKeys.REJECT_NETWORKED_JOBS);
        chain = new BidChain(List.of(
                new NetworkingStrategy(networkDefaultsToNone),
                new StatelessJobStrategy(c.getBool(ConfigKeys.REJECT_STATELESS_JOBS)),
                this::engineRefusal,
                ports::refusal,
                this::publisherRefusal,
                this::inputRefusal,
                locality(c.get(ConfigKeys.LOCALITY)),
                new ExecProbe(c.get(ConfigKeys.PROBE_EXEC), probeTimeout, System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                new HttpProbe(c.get(ConfigKeys.PROBE_HTTP), probeTimeout, probeClient),
                new EnvResolverStrategy(EnvResolver.from(c)),
                new TimeoutLimit(c.getDuration(ConfigKeys.MAX_EXECUTION_TIMEOUT))::refusal,
                this::resourceRefusal));
    }

    /** A value that is neither local nor anywhere refuses every job, saying so, rather than guessing. */
    private BidStrategy locality(String value) {
        try {
            return new InputLocalityStrategy(Locality.parse(value), this::isLocal);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            return job -> Optional.of(BidStrategy.NOT + "accept jobs until its configuration is fixed: " + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        if (probeClient != null) probeClient.close();
    }

    public BidDecision decide(Job job) {
        return chain.decide(job);
    }

    /** The job as this node runs it: with RejectNetworkedJobs a Default network means None (reference §2.6). */
    public Job admitted(Job job) {
        return NetworkingStrategy.withNodeDefault(job, networkDefaultsToNone);
    }

    private Optional<String> engineRefusal(Job job) {
        String engine = job.task().engine().type();
        Optional<Executor> executor = executors.forEngine(engine);
        if (executor.isEmpty()) return Optional.of(BidStrategy.NOT + "support engine \"" + engine + "\"");
        return executor.get().refusal(job);
    }

    private Optional<String> publisherRefusal(Job job) {
        Task task = job.task();
        if (task.publisher().isEmpty() || capabilities.publishers().stream().anyMatch(task.publisher()::is)) {
            return Optional.empty();
        }
        return Optional.of(BidStrategy.NOT + "support publisher \"" + task.publisher().type() + "\"");
    }

    private Optional<String> inputRefusal(Job job) {
        List<String> reasons = job.task().inputSources().stream().map(storages::refusal).flatMap(Optional::stream).toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; " + BidChain.PREFIX, reasons));
    }

    private boolean isLocal(InputSource input) {
        return storages.forType(input.source().type()).map(s -> s.isLocal(input)).orElse(false);
    }

    private Optional<String> resourceRefusal(Job job) {
        Resources usage = NodeCapacity.usageOf(Resources.parse(job.task().resources()));
        Resources max = capacity.max();
        if (usage.fitsIn(max)) return Optional.empty();
        return Optional.of(BidStrategy.NOT + "have enough resources - requested: " + usage + ", available: " + max);
    }
}
