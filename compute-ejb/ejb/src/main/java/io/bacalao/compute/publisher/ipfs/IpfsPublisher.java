package io.bacalao.compute.publisher.ipfs;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.publisher.ResultPublisher;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.ipfs.IpfsSource;
import io.bacalao.domain.ipfs.ConfiguredKubo;
import io.bacalao.domain.model.SpecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Bacalhau's {@code ipfs} publisher ({@code pkg/publisher/ipfs/publisher.go}; docs/ipfs.md): the results folder is
 * added (pinned) to the IPFS node whose Kubo RPC API is {@code Publishers.Types.IPFS.Endpoint}, its entries wrapped in
 * one directory, and the published result is {@code {"Type":"ipfs","Params":{"CID": <that directory>}}}. Offered
 * only when that endpoint is set. The publisher spec takes no params.
 */
@ApplicationScoped
public class IpfsPublisher implements ResultPublisher {
    /** Longest wait for the IPFS node to answer the add (the upload itself is not limited). */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    @Inject
    ComputeSettings settings;
    private final ConfiguredKubo ipfs;

    /** For CDI. */
    public IpfsPublisher() {
        ipfs = new ConfiguredKubo(() -> settings.config().get(ConfigKeys.IPFS_PUBLISHER_ENDPOINT));
    }

    /** With the Kubo RPC endpoint given (empty: not installed). */
    public IpfsPublisher(String endpoint) {
        ipfs = new ConfiguredKubo(() -> endpoint);
    }

    @Override
    public String type() {
        return IpfsSource.TYPE;
    }

    @Override
    public boolean installed() {
        return ipfs.configured();
    }

    @Override
    public SpecConfig publish(String executionId, SpecConfig publisherSpec, Path resultsDir) throws PublishException {
        try {
            return new IpfsSource(ipfs.client().add(resultsDir, ANSWER_TIMEOUT)).spec();
        } catch (IOException e) {
            throw new PublishException("failed to publish ipfs result: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PublishException("failed to publish ipfs result: " + e.getMessage() + " ("
                    + ConfigKeys.IPFS_PUBLISHER_ENDPOINT + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("publishing to IPFS was interrupted", e);
        }
    }
}
