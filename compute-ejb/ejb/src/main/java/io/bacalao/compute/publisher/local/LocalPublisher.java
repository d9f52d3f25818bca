package io.bacalao.compute.publisher.local;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.publisher.ResultPublisher;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.SpecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Bacalhau's local publisher (reference §5.8): the results folder as {@code <execID>.tar.gz} under
 * {@code <DataDir>/compute/results/local-publisher/}, served by {@link LocalResultServer}; the result is
 * {@code urlDownload} to {@code http://<Publishers.Types.Local.Address>:<Port>/<execID>.tar.gz?expires=…&signature=…},
 * signed by the node for {@code Publishers.Types.Local.URLExpiry} ({@link ResultUrls}, docs/tls.md).
 */
@ApplicationScoped
public class LocalPublisher implements ResultPublisher {
    @Inject
    ComputeSettings settings;
    @Inject
    ResultUrls urls;

    @Override
    public String type() {
        return "local";
    }

    @Override
    public SpecConfig publish(String executionId, SpecConfig publisherSpec, Path resultsDir) throws PublishException {
        try {
            TarGz.packTo(resultsDir, directory(settings).resolve(executionId + ".tar.gz"));
        } catch (IOException e) {
            throw new PublishException("could not archive the results: " + e.getMessage(), e);
        }
        String path = "/" + executionId + ".tar.gz";
        String url = "http://" + settings.config().get(ConfigKeys.LOCAL_PUBLISHER_ADDRESS) + ":"
                + settings.config().get(ConfigKeys.LOCAL_PUBLISHER_PORT) + path + "?" + urls.signedQuery(path);
        return SpecConfig.of("urlDownload", Map.of("URL", url));
    }

    /** Where published archives are written and served from. */
    public static Path directory(ComputeSettings settings) {
        return settings.workDir().resolve("results").resolve("local-publisher");
    }
}
