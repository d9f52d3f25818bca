package io.bacalao.compute.storage.s3;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One S3 client per (endpoint, region), as Bacalhau's {@code pkg/s3/client.go} {@code ClientProvider}, made on first
 * use and kept. Credentials come from the node's default AWS chain (system properties, environment, profile
 * files, container or instance roles), never from a job. An {@code Endpoint} (an S3-compatible server) is addressed
 * path-style; without a {@code Region} the chain's region is used, else {@code us-east-1}. The HTTP client is the
 * SDK's url-connection one (JDK only: no Netty or Apache on the compute node).
 */
public final class S3Clients implements AutoCloseable {
    static final Region FALLBACK_REGION = Region.US_EAST_1;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();
    private final AwsCredentialsProvider credentials;

    /** With the node's default AWS credentials chain. */
    public S3Clients() {
        this(DefaultCredentialsProvider.builder().build());
    }

    /** With other credentials (tests of refused requests). */
    public S3Clients(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
    }

    public S3Client client(String endpoint, String region) {
        return clients.computeIfAbsent(endpoint + "|" + region, k -> build(endpoint, region));
    }

    private S3Client build(String endpoint, String region) {
        var b = S3Client.builder().region(region(region)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().build());
        if (!endpoint.isEmpty()) b.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        return b.build();
    }

    static Region region(String region) {
        if (!region.isEmpty()) return Region.of(region);
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
