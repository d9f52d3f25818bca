package io.bacalao.compute.publisher.s3;

import io.bacalao.domain.model.SpecConfig;
import java.util.Locale;

/**
 * Params of the {@code s3} publisher (Bacalhau's {@code pkg/s3/types.go} {@code PublisherSpec}): {@code Bucket} and
 * {@code Key} required, {@code Endpoint}, {@code Region}, {@code Encoding} {@code gzip} (the default: one
 * {@code .tar.gz}) or {@code plain} (every file as its own object under the key).
 */
public record S3PublisherSpec(String bucket, String key, String endpoint, String region, boolean plain) {

    /** @throws IllegalArgumentException with Bacalhau's messages */
    static S3PublisherSpec from(SpecConfig spec) {
        String bucket = text(spec.param("Bucket"));
        String key = text(spec.param("Key"));
        String encoding = text(spec.param("Encoding")).toLowerCase(Locale.ROOT);
        if (bucket.isEmpty()) throw new IllegalArgumentException("invalid s3 params. bucket cannot be empty");
        if (key.isEmpty()) throw new IllegalArgumentException("invalid s3 params. key cannot be empty");
        if (!encoding.isEmpty() && !encoding.equals("gzip") && !encoding.equals("plain")) {
            throw new IllegalArgumentException("invalid s3 params. encoding must be either 'plain' or 'gzip'");
        }
        return new S3PublisherSpec(bucket, key, text(spec.param("Endpoint")), text(spec.param("Region")),
                encoding.equals("plain"));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
