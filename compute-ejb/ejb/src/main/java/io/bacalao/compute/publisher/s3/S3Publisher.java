package io.bacalao.compute.publisher.s3;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.publisher.PublishRequest;
import io.bacalao.compute.publisher.ResultPublisher;
import io.bacalao.domain.s3.AwsCredentialsPresence;
import io.bacalao.compute.storage.s3.S3Clients;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.quantity.Quantities;
import io.bacalao.domain.s3.S3Source;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Bacalhau's {@code s3} publisher ({@code pkg/publisher/s3/publisher.go}; docs/s3.md): the results go to
 * {@code Bucket} under {@code Key} with its placeholders expanded ({@link PublishedKey}); the published result is
 * {@code {"Type":"s3","Params":{Bucket, Key, Region, Endpoint, ChecksumSHA256, VersionID, …}}}. Offered only when
 * the node has AWS credentials. No SDK type in this bean's signatures: the SDK loads with the first s3 publish.
 */
@ApplicationScoped
public class S3Publisher implements ResultPublisher {
    public static final String TYPE = "s3";

    @Inject
    ComputeSettings settings;
    @Inject
    Clock clock;
    private Holder sdk;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean installed() {
        return AwsCredentialsPresence.present();
    }

    @Override
    public SpecConfig publish(String executionId, SpecConfig publisherSpec, Path resultsDir) throws PublishException {
        throw new PublishException("the s3 publisher needs the job and node of the execution", null);
    }

    @Override
    public SpecConfig publish(PublishRequest r) throws PublishException {
        S3PublisherSpec spec;
        try {
            spec = S3PublisherSpec.from(r.publisherSpec());
        } catch (IllegalArgumentException e) {
            throw new PublishException("failed to publish s3 result: " + e.getMessage(), null);
        }
        String key = PublishedKey.expand(spec.key(), !spec.plain(), r.jobId(), r.executionId(), r.nodeId(),
                clock.instant());
        S3Source published = sdk().upload.publish(spec, key, r.resultsDir());
        return SpecConfig.of(S3Source.TYPE, published.params());
    }

    private synchronized Holder sdk() {
        if (sdk == null) {
            long partSize = Quantities.parseBytes(settings.config().get(ConfigKeys.S3_PUBLISHER_PART_SIZE));
            sdk = new Holder(partSize, settings.config().getInt(ConfigKeys.S3_PUBLISHER_PARALLELISM));
        }
        return sdk;
    }

    @PreDestroy
    public synchronized void close() {
        if (sdk != null) sdk.clients.close();
        sdk = null;
    }

    /** Keeps SDK-typed fields out of the bean class. */
    private static final class Holder {
        final S3Clients clients = new S3Clients();
        final S3ResultUpload upload;

        Holder(long partSize, int parallelism) {
            upload = new S3ResultUpload(clients, partSize, parallelism);
        }
    }
}
