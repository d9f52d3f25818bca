package io.bacalao.orchestrator.results;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.s3.AwsCredentialsPresence;
import io.bacalao.domain.s3.S3Source;
import io.bacalao.orchestrator.config.NodeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The results route's transformer for {@code s3} results (Bacalhau's {@code pkg/s3/result_signer.go}): an archive
 * ({@code .tar.gz} key) becomes {@code s3PreSigned} with a GET URL signed by the orchestrator's own AWS credentials,
 * valid {@code Publishers.Types.S3.PreSignedURLExpiration}, so clients download without credentials. Left as it is
 * when {@code Publishers.Types.S3.PreSignedURLDisabled}, when the orchestrator has no AWS credentials, for plain
 * (folder) results, and when signing fails (logged). The AWS SDK loads with the first s3 result.
 */
@ApplicationScoped
public class S3ResultSigner {
    private static final Logger LOG = Logger.getLogger(S3ResultSigner.class.getName());

    @Inject
    NodeSettings settings;
    private Config config;
    private BooleanSupplier hasCredentials = AwsCredentialsPresence::present;
    private S3UrlPresigner presigner;

    /** For CDI. */
    public S3ResultSigner() {
    }

    S3ResultSigner(Config config, BooleanSupplier hasCredentials) {
        this.config = config;
        this.hasCredentials = hasCredentials;
    }

    public SpecConfig transform(SpecConfig result) {
        if (!result.is(S3Source.TYPE)) return result;
        Config c = config();
        if (c.getBool(ConfigKeys.S3_PRESIGNED_URL_DISABLED) || !hasCredentials.getAsBoolean()) return result;
        S3Source source;
        try {
            source = S3Source.from(result);
        } catch (IllegalArgumentException e) {
            return result;
        }
        if (!source.key().endsWith(".tar.gz")) return result;
        Duration expiry = c.getDuration(ConfigKeys.S3_PRESIGNED_URL_EXPIRATION);
        try {
            String url = presigner().presignGet(source, expiry);
            Map<String, Object> params = new java.util.LinkedHashMap<>(source.params());
            params.put(S3Source.PRESIGNED_URL, url);
            params.put("Managed", false);
            return SpecConfig.of(S3Source.PRESIGNED_TYPE, params);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not sign " + source.uri() + "; returning it unsigned", e);
            return result;
        }
    }

    private synchronized Config config() {
        if (config == null) config = settings.config();
        return config;
    }

    private synchronized S3UrlPresigner presigner() {
        if (presigner == null) presigner = new S3UrlPresigner();
        return presigner;
    }

    @PreDestroy
    synchronized void close() {
        if (presigner != null) presigner.close();
        presigner = null;
    }
}
