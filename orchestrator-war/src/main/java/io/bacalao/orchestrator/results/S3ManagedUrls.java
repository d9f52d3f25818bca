package io.bacalao.orchestrator.results;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.s3.AwsCredentialsPresence;
import io.bacalao.domain.s3.S3Source;
import io.bacalao.orchestrator.config.NodeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The orchestrator's side of the {@code s3managed} publisher (Bacalhau's {@code pkg/publisher/s3managed}
 * {@code PreSignedURLGenerator} and {@code ResultTransformer}): pre-signed PUT URLs for compute nodes, which hold no
 * credentials, and pre-signed GET URLs for the results route, both into its own {@link S3ManagedBucket}, signed
 * with the orchestrator's default AWS chain. Available only with a usable bucket configuration and credentials.
 * The AWS SDK loads with the first URL.
 */
@ApplicationScoped
public class S3ManagedUrls {
    public static final String TYPE = "s3managed";

    @Inject
    NodeSettings settings;
    private S3ManagedBucket bucket;
    private BooleanSupplier hasCredentials = AwsCredentialsPresence::present;
    private S3UrlPresigner presigner;

    /** For CDI. */
    public S3ManagedUrls() {
    }

    S3ManagedUrls(S3ManagedBucket bucket, BooleanSupplier hasCredentials) {
        this.bucket = bucket;
        this.hasCredentials = hasCredentials;
    }

    /** With the bucket of {@code config} and the default AWS chain (outside CDI). */
    public static S3ManagedUrls of(io.bacalao.domain.config.Config config) {
        return new S3ManagedUrls(S3ManagedBucket.from(config), AwsCredentialsPresence::present);
    }

    /** Why this orchestrator cannot serve s3managed, or "" when it can. */
    public String unavailableReason() {
        S3ManagedBucket b = bucket();
        if (!b.configured()) {
            return "this orchestrator has no s3managed bucket: set Publishers.Types.S3Managed.Bucket and .Region";
        }
        if (!b.usable()) return "invalid publisher configuration: " + String.join(", ", b.problems());
        if (!hasCredentials.getAsBoolean()) {
            return "the orchestrator has no AWS credentials to sign URLs for the s3managed bucket";
        }
        return "";
    }

    public boolean available() {
        return unavailableReason().isEmpty();
    }

    /**
     * Refuses (HTTP 400) a job whose publisher is {@code s3managed} when this orchestrator cannot sign its URLs, so
     * that it fails at submission with the reason instead of after it ran (docs/s3.md).
     */
    public void refuseIfUnavailable(Job job) {
        if (job.tasks().isEmpty() || job.task().publisher() == null || !job.task().publisher().is(TYPE)) return;
        String reason = unavailableReason();
        if (!reason.isEmpty()) {
            throw BacalaoException.badRequest("Bacalhau", "the s3managed publisher is not available: " + reason);
        }
    }

    /** A URL to PUT the archive of one execution to; throws IllegalStateException when unavailable. */
    public String uploadUrl(String jobId, String executionId) {
        return presigner().presignPut(managedObject(jobId, executionId), bucket().expiration());
    }

    /**
     * The results route's transformer: an {@code s3managed} result ({@code {"JobID","ExecutionID"}}) becomes
     * {@code s3PreSigned} with a GET URL and {@code Managed: true}; other results are returned as they are.
     * Throws a ConfigurationError when this orchestrator cannot sign (Bacalhau's message).
     */
    public SpecConfig transform(SpecConfig result) {
        if (!result.is(TYPE)) return result;
        if (!available()) {
            throw new BacalaoException(ErrorCode.CONFIGURATION_ERROR, "Bacalhau",
                    "S3 managed publisher is not available, cannot fetch execution results: " + unavailableReason(),
                    "Ensure the S3 managed publisher is configured in orchestrator");
        }
        String jobId = result.param("JobID");
        String executionId = result.param("ExecutionID");
        if (jobId == null || jobId.isBlank() || executionId == null || executionId.isBlank()) {
            throw BacalaoException.badRequest("Bacalhau", "invalid storage params: job id and execution id cannot be empty");
        }
        S3Source object = managedObject(jobId, executionId);
        Map<String, Object> params = new LinkedHashMap<>(new S3Source("", "", "", "", "", "", "").params());
        params.put(S3Source.PRESIGNED_URL, presigner().presignGet(object, bucket().expiration()));
        params.put("Managed", true);
        return SpecConfig.of(S3Source.PRESIGNED_TYPE, params);
    }

    private S3Source managedObject(String jobId, String executionId) {
        String reason = unavailableReason();
        if (!reason.isEmpty()) throw new IllegalStateException("Managed S3 publisher is not available: " + reason);
        S3ManagedBucket b = bucket();
        return new S3Source(b.bucket(), b.objectKey(jobId, executionId), "", b.region(), b.endpoint(), "", "");
    }

    private synchronized S3ManagedBucket bucket() {
        if (bucket == null) bucket = S3ManagedBucket.from(settings.config());
        return bucket;
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
