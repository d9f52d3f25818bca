package io.bacalao.compute.bidding.admission;

import io.bacalao.compute.env.EnvResolver;
import io.bacalao.domain.model.Job;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Compute.Env.AllowList}: a job whose Env reads a host variable ({@code env:NAME}) this node does not allow
 * is refused ({@code pkg/bidstrategy/semantic/env_resolver.go}); the first such variable, in the task's order, is
 * named. A variable that is allowed but unset fails the execution later, when it is resolved.
 */
public record EnvResolverStrategy(EnvResolver resolver) implements BidStrategy {
    @Override
    public Optional<String> refusal(Job job) {
        for (Map.Entry<String, String> e : job.task().env().entrySet()) {
            Optional<String> refused = resolver.refusal(e.getValue());
            if (refused.isPresent()) {
                return Optional.of(NOT + "resolve environment variable " + e.getKey() + ": " + refused.get());
            }
        }
        return Optional.empty();
    }
}
