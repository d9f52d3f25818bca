package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code JobAdmissionControl.Locality}: with {@link Locality#LOCAL} every input must be present on this node
 * already, as its storage judges ({@code pkg/bidstrategy/semantic/input_locality.go}); {@code isLocal} is that
 * judgement (an input of a type this node lacks is not local).
 */
public record InputLocalityStrategy(Locality locality, Predicate<InputSource> isLocal) implements BidStrategy {
    @Override
    public Optional<String> refusal(Job job) {
        if (locality == Locality.ANYWHERE) return Optional.empty();
        long remote = job.task().inputSources().stream().filter(isLocal.negate()).count();
        if (remote == 0) return Optional.empty();
        return Optional.of(NOT + "have all input data locally (" + remote + " inputs require downloading)");
    }
}
