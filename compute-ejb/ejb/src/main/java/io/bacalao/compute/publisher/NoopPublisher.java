package io.bacalao.compute.publisher;

import io.bacalao.domain.model.SpecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/** Publishes nothing: results stay on the node only until the execution directory is cleaned up. */
@ApplicationScoped
public class NoopPublisher implements ResultPublisher {
    @Override
    public String type() {
        return "noop";
    }

    @Override
    public SpecConfig publish(String executionId, SpecConfig publisherSpec, Path resultsDir) {
        return SpecConfig.of("");
    }
}
