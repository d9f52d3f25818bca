package io.bacalao.domain.s3;

import io.bacalao.domain.model.SpecConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of an {@code s3} input source or published {@code s3} result (Bacalhau's {@code pkg/s3/types.go}
 * {@code SourceSpec}): {@code Bucket} (required), {@code Key} (one object, a prefix ending in {@code /}, or a glob),
 * {@code Filter} (a regular expression on keys), {@code Region}, {@code Endpoint} (an S3-compatible server,
 * addressed path-style), {@code VersionID} and {@code ChecksumSHA256} (base64, as S3 reports it, or hex). Blank
 * optional fields are empty strings. Credentials are never part of it: they come from the node's own AWS chain.
 */
public record S3Source(String bucket, String key, String filter, String region, String endpoint, String versionId,
                       String checksumSha256) {
    public static final String TYPE = "s3";
    public static final String PRESIGNED_TYPE = "s3PreSigned";
    public static final String PRESIGNED_URL = "PreSignedURL";

    public S3Source {
        bucket = text(bucket);
        key = text(key);
        filter = text(filter);
        region = text(region);
        endpoint = text(endpoint);
        versionId = text(versionId);
        checksumSha256 = text(checksumSha256);
    }

    /** Reads the params of an {@code s3} or {@code s3PreSigned} spec; @throws IllegalArgumentException without a bucket. */
    public static S3Source from(SpecConfig spec) {
        S3Source s = new S3Source(spec.param("Bucket"), spec.param("Key"), spec.param("Filter"), spec.param("Region"),
                spec.param("Endpoint"), spec.param("VersionID"), spec.param("ChecksumSHA256"));
        if (s.bucket.isEmpty()) throw new IllegalArgumentException("invalid s3 storage params: bucket cannot be empty");
        return s;
    }

    /** The params as Bacalhau writes them (every field, empty ones as ""). */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Bucket", bucket);
        p.put("Key", key);
        p.put("Filter", filter);
        p.put("Region", region);
        p.put("Endpoint", endpoint);
        p.put("VersionID", versionId);
        p.put("ChecksumSHA256", checksumSha256);
        return p;
    }

    public S3Source withKey(String newKey) {
        return new S3Source(bucket, newKey, filter, region, endpoint, versionId, checksumSha256);
    }

    public S3Source withChecksum(String checksum, String version) {
        return new S3Source(bucket, key, filter, region, endpoint, version, checksum);
    }

    /** {@code s3://bucket/key}, for messages. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
