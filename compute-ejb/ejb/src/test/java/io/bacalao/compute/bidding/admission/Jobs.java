package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.List;
import java.util.Map;

/** Jobs for the strategy tests: a noop batch job with the one thing a test cares about. */
final class Jobs {
    private Jobs() {
    }

    static Job noop() {
        return of(Task.of("main", SpecConfig.of("noop")));
    }

    static Job of(Task t) {
        return new Job("j-1", "j-1", "default", "batch", 0, 1, null, null, null, List.of(t), null, 1, 1, 0, 0);
    }

    static Job withNetwork(NetworkType type) {
        return of(noop().task().withNetwork(new NetworkConfig(type, null, null)));
    }

    static Job withEnv(Map<String, String> env) {
        return of(noop().task().withEnv(env));
    }

    static Job withInputs(InputSource... inputs) {
        return of(noop().task().withInputSources(List.of(inputs)));
    }

    static InputSource input(String type, String target) {
        return new InputSource(SpecConfig.of(type), "", target);
    }
}
