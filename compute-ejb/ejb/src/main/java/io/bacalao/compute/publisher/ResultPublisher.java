package io.bacalao.compute.publisher;

import io.bacalao.domain.model.SpecConfig;
import java.nio.file.Path;

/**
 * One publisher type ({@link #type()} is the Publisher.Type it serves, e.g. {@code local}): makes an
 * execution's results folder available and returns where (a SpecConfig such as
 * {@code {"Type":"urlDownload","Params":{"URL":…}}}); an empty SpecConfig means nothing to fetch.
 */
public interface ResultPublisher {
    String type();

    SpecConfig publish(String executionId, SpecConfig publisherSpec, Path resultsDir) throws PublishException;

    /** The same, for publishers that also need the job and node (e.g. key placeholders); the runner calls this one. */
    default SpecConfig publish(PublishRequest request) throws PublishException {
        return publish(request.executionId(), request.publisherSpec(), request.resultsDir());
    }

    /** Whether this node can publish this way at all (Bacalhau's {@code IsInstalled}); asked once, at start. */
    default boolean installed() {
        return true;
    }
}
