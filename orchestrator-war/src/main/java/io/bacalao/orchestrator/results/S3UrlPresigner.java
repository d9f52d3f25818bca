package io.bacalao.orchestrator.results;

import io.bacalao.domain.s3.S3Source;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * One presigner per (endpoint, region), with the orchestrator's default AWS credentials chain; an endpoint is
 * addressed path-style, a missing region is the chain's or {@code us-east-1} (as the compute side does). Signing is
 * local: no request is sent.
 */
final class S3UrlPresigner implements AutoCloseable {
    private final Map<String, S3Presigner> presigners = new ConcurrentHashMap<>();

    String presignGet(S3Source source, Duration expiry) {
        return presigner(source).presignGetObject(GetObjectPresignRequest.builder().signatureDuration(expiry)
                .getObjectRequest(g -> {
                    g.bucket(source.bucket()).key(source.key());
                    if (!source.versionId().isEmpty()) g.versionId(source.versionId());
                }).build()).url().toString();
    }

    /** A URL that lets whoever holds it PUT one object at {@code target}'s bucket and key until it expires. */
    String presignPut(S3Source target, Duration expiry) {
        return presigner(target).presignPutObject(PutObjectPresignRequest.builder().signatureDuration(expiry)
                .putObjectRequest(p -> p.bucket(target.bucket()).key(target.key())).build()).url().toString();
    }

    private S3Presigner presigner(S3Source source) {
        return presigners.computeIfAbsent(source.endpoint() + "|" + source.region(),
                k -> build(source.endpoint(), source.region()));
    }

    private static S3Presigner build(String endpoint, String region) {
        S3Presigner.Builder b = S3Presigner.builder().region(region(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        if (!endpoint.isEmpty()) {
            b.endpointOverride(URI.create(endpoint))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return b.build();
    }

    private static Region region(String region) {
        if (!region.isEmpty()) return Region.of(region);
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }

    @Override
    public void close() {
        presigners.values().forEach(S3Presigner::close);
        presigners.clear();
    }
}
