package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import java.util.Optional;

/**
 * {@code JobAdmissionControl.RejectNetworkedJobs}: a job whose network type is neither None nor Default is refused
 * ({@code pkg/bidstrategy/semantic/networking.go}). Default is let through because on such a node it means None
 * ({@link AdmissionControl#withNodeDefaults}).
 */
public record NetworkingStrategy(boolean reject) implements BidStrategy {

    /** On a node that rejects networked jobs a Default network means None; the executors never see Default there. */
    public static Job withNodeDefault(Job job, boolean rejectNetworkedJobs) {
        NetworkConfig n = job.task().network();
        if (!rejectNetworkedJobs || n.type() != NetworkType.Default) return job;
        return job.withTask(job.task().withNetwork(new NetworkConfig(NetworkType.None, n.domains(), n.ports())));
    }

    @Override
    public Optional<String> refusal(Job job) {
        NetworkType type = job.task().network().type();
        if (!reject || type == NetworkType.None || type == NetworkType.Default) return Optional.empty();
        return Optional.of(NOT + "run jobs that require network access");
    }
}
