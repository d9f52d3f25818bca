package io.bacalao.orchestrator.results;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The orchestrator's s3managed bucket, from {@code Publishers.Types.S3Managed.*} (Bacalhau's
 * {@code pkg/config/types/publishers.go} {@code S3ManagedPublisher}). Usable when {@code Bucket} and {@code Region}
 * are set and the expiration is positive ({@code pkg/publisher/s3managed/utils.go}); each execution's archive goes
 * to {@code [<Key>/]<jobID>/<executionID>.tar.gz}.
 */
public record S3ManagedBucket(String bucket, String keyPrefix, String region, String endpoint, Duration expiration) {

    public static S3ManagedBucket from(Config c) {
        return new S3ManagedBucket(text(c.get(ConfigKeys.S3MANAGED_BUCKET)), text(c.get(ConfigKeys.S3MANAGED_KEY)),
                text(c.get(ConfigKeys.S3MANAGED_REGION)), text(c.get(ConfigKeys.S3MANAGED_ENDPOINT)),
                c.getDuration(ConfigKeys.S3MANAGED_PRESIGNED_URL_EXPIRATION));
    }

    /** True when any field but the expiration is set, even if the configuration is incomplete. */
    public boolean configured() {
        return !bucket.isEmpty() || !keyPrefix.isEmpty() || !region.isEmpty() || !endpoint.isEmpty();
    }

    /** Why the bucket cannot be used; empty when it can. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (bucket.isEmpty()) p.add("bucket cannot be empty (" + ConfigKeys.S3MANAGED_BUCKET + ")");
        if (region.isEmpty()) p.add("region cannot be empty (" + ConfigKeys.S3MANAGED_REGION + ")");
        if (expiration == null || expiration.isZero() || expiration.isNegative()) {
            p.add("pre-signed URL expiration must be greater than zero (" + ConfigKeys.S3MANAGED_PRESIGNED_URL_EXPIRATION + ")");
        }
        return p;
    }

    public boolean usable() {
        return problems().isEmpty();
    }

    /** Where one execution's archive lives in the bucket. */
    public String objectKey(String jobId, String executionId) {
        String key = jobId + "/" + executionId + ".tar.gz";
        String prefix = keyPrefix.endsWith("/") ? keyPrefix.substring(0, keyPrefix.length() - 1) : keyPrefix;
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
