package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.model.Job;
import java.util.Optional;

/**
 * {@code JobAdmissionControl.RejectStatelessJobs}: a job without input sources is refused
 * ({@code pkg/bidstrategy/semantic/input_stateless.go}).
 */
public record StatelessJobStrategy(boolean reject) implements BidStrategy {

    @Override
    public Optional<String> refusal(Job job) {
        if (!reject || !job.task().inputSources().isEmpty()) return Optional.empty();
        return Optional.of(NOT + "accept jobs without any input volumes");
    }
}
