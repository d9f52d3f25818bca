package io.bacalao.compute.publisher.s3managed;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.publisher.PublishException;
import io.bacalao.compute.publisher.PublishRequest;
import io.bacalao.compute.publisher.ResultPublisher;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.model.SpecConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bacalhau's {@code s3managed} publisher ({@code pkg/publisher/s3managed/publisher.go}; docs/s3.md): the node asks
 * its orchestrator for a pre-signed PUT URL into the orchestrator's bucket, packs the results folder as one tar.gz
 * and PUTs it there, holding no S3 credentials. The published result is {@code {"Type":"s3managed","Params":
 * {"JobID","ExecutionID"}}}; the results route turns it into a download URL. Always offered, as in Bacalhau: an
 * orchestrator that cannot sign refuses the job at submission, and the URL request fails with its reason.
 */
@ApplicationScoped
public class S3ManagedPublisher implements ResultPublisher {
    public static final String TYPE = "s3managed";
    /** How long the node waits for the orchestrator's URL. */
    static final Duration URL_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ComputeSettings settings;
    @Inject
    ManagedUploadUrls urls;
    private final PreSignedUpload upload = PreSignedUpload.standard();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SpecConfig publish(String executionId, SpecConfig publisherSpec, Path resultsDir) throws PublishException {
        throw new PublishException("the s3managed publisher needs the job and node of the execution", null);
    }

    @Override
    public SpecConfig publish(PublishRequest r) throws PublishException {
        String url;
        try {
            url = urls.request(r.nodeId(), r.jobId(), r.executionId(), URL_TIMEOUT);
        } catch (ManagedUploadUrls.UrlRefusedException e) {
            throw new PublishException("failed to get pre-signed URL for managed S3 publisher: " + e.getMessage()
                    + ". Ensure that the node is connected to an orchestrator and the orchestrator is configured to"
                    + " support managed S3 publisher", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while asking for the s3managed upload URL", e);
        }
        Path archive = null;
        try {
            Path scratch = Files.createDirectories(settings.executionDir(r.executionId()).resolve("publish"));
            archive = Files.createTempFile(scratch, "results-", ".tar.gz");
            TarGz.packTo(r.resultsDir(), archive);
            upload.put(url, archive);
        } catch (IOException e) {
            throw new PublishException("failed to upload result file to managed S3 bucket: " + e.getMessage()
                    + ". Verify orchestrator configuration and ensure that the pre-signed URL expiration period is not"
                    + " too short", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while uploading to the managed S3 bucket", e);
        } finally {
            deleteQuietly(archive);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("JobID", r.jobId());
        params.put("ExecutionID", r.executionId());
        return SpecConfig.of(TYPE, params);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the execution folder is removed with the execution
        }
    }
}
