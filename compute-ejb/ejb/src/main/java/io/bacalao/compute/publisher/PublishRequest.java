package io.bacalao.compute.publisher;

import io.bacalao.domain.model.SpecConfig;
import java.nio.file.Path;

/** What a publisher knows of the execution whose results folder {@code resultsDir} it publishes. */
public record PublishRequest(String executionId, String jobId, String nodeId, SpecConfig publisherSpec, Path resultsDir) {
}
