package io.bacalao.compute.publisher.local;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.signing.UrlSigner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The local publisher's URL signing (docs/tls.md): the node key, the signer and {@code Publishers.Types.Local.URLExpiry}.
 * Shared by the publisher, which signs, and the results server, which checks.
 */
@ApplicationScoped
public class ResultUrls {
    /** The node key's file under the compute work dir ({@code <DataDir>/compute}). */
    public static final String KEY_FILE = "result-url-key";

    @Inject
    ComputeSettings settings;
    private UrlSigner signer;
    private Duration expiry;

    @PostConstruct
    void init() {
        try {
            signer = new UrlSigner(NodeKeyFile.readOrCreate(settings.workDir().resolve(KEY_FILE)), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the result URL key " + keyFile(), e);
        }
        expiry = settings.config().getDuration(ConfigKeys.LOCAL_PUBLISHER_URL_EXPIRY);
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalStateException(ConfigKeys.LOCAL_PUBLISHER_URL_EXPIRY + " must be positive, got " + expiry);
        }
    }

    private Path keyFile() {
        return settings.workDir().resolve(KEY_FILE);
    }

    public UrlSigner signer() {
        return signer;
    }

    /** The signed query (no '?') for {@code path}, valid for {@code URLExpiry} from now. */
    public String signedQuery(String path) {
        return signer.query(path, Clock.systemUTC().instant().plus(expiry));
    }
}
