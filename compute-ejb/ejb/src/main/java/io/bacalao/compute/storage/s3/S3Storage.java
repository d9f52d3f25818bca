package io.bacalao.compute.storage.s3;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.storage.InputStorage;
import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.s3.AwsCredentialsPresence;
import io.bacalao.domain.s3.S3Source;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Source type {@code s3} ({@link S3Source}; docs/s3.md): the selected objects land under {@code <inputDir>/data},
 * mounted read-only at {@code Target}, keeping their paths relative to the key's folder. Offered only when the node
 * has AWS credentials ({@link AwsCredentialsPresence}, Bacalhau's rule). No AWS SDK type appears in this bean's
 * signatures, so the SDK is loaded only when the first s3 input is prepared.
 */
@ApplicationScoped
public class S3Storage implements InputStorage {
    public static final String TYPE = S3Source.TYPE;

    @Inject
    ComputeSettings settings;
    private S3Limits limits;
    private SdkHolder sdk;

    /** For CDI. */
    public S3Storage() {
    }

    public S3Storage(S3Limits limits) {
        this.limits = limits;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean installed() {
        return AwsCredentialsPresence.present();
    }

    @Override
    public Optional<String> refusal(InputSource input) {
        try {
            S3Source.from(input.source());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Mount prepare(InputSource input, StorageContext context) throws StorageException {
        S3Source source;
        try {
            source = S3Source.from(input.source());
        } catch (IllegalArgumentException e) {
            throw new StorageException("failed to fetch s3 input: " + e.getMessage());
        }
        Path dir = context.inputDir().resolve("data");
        sdk().input.fetch(source, dir, limits(), context.readTimeout());
        return new Mount(dir, input.target(), false);
    }

    private synchronized S3Limits limits() {
        if (limits == null) limits = S3Limits.from(settings.config());
        return limits;
    }

    private synchronized SdkHolder sdk() {
        if (sdk == null) sdk = new SdkHolder();
        return sdk;
    }

    @PreDestroy
    public synchronized void close() {
        if (sdk != null) sdk.clients.close();
        sdk = null;
    }

    /** Keeps SDK-typed fields out of the bean class. */
    private static final class SdkHolder {
        final S3Clients clients = new S3Clients();
        final S3Input input = new S3Input(clients);
    }
}
