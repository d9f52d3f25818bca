package io.bacalao.orchestrator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.model.SpecConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ManagedUrlsTest {
    static final SpecConfig RESULT = SpecConfig.of("s3managed", Map.of("JobID", "j-1", "ExecutionID", "e-1"));
    static final Config CONFIGURED = Config.defaults().with(ConfigKeys.S3MANAGED_BUCKET, "managed")
            .with(ConfigKeys.S3MANAGED_KEY, "job-results/").with(ConfigKeys.S3MANAGED_REGION, "us-east-1")
            .with(ConfigKeys.S3MANAGED_ENDPOINT, "http://127.0.0.1:9000")
            .with(ConfigKeys.S3MANAGED_PRESIGNED_URL_EXPIRATION, "10m");

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDMANAGED");
        System.setProperty("aws.secretAccessKey", "managed-secret");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void eachExecutionHasItsObjectUnderTheOptionalPrefix() {
        assertEquals("job-results/j-1/e-1.tar.gz", S3ManagedBucket.from(CONFIGURED).objectKey("j-1", "e-1"));
        assertEquals("j-1/e-1.tar.gz", S3ManagedBucket.from(CONFIGURED.with(ConfigKeys.S3MANAGED_KEY, ""))
                .objectKey("j-1", "e-1"));
    }

    @Test
    void aBucketNeedsANameARegionAndAPositiveExpiration() {
        S3ManagedBucket none = S3ManagedBucket.from(Config.defaults());
        assertEquals(false, none.configured());
        S3ManagedBucket partial = S3ManagedBucket.from(Config.defaults().with(ConfigKeys.S3MANAGED_BUCKET, "b")
                .with(ConfigKeys.S3MANAGED_PRESIGNED_URL_EXPIRATION, "0s"));
        assertTrue(partial.configured());
        assertEquals(List.of("region cannot be empty (Publishers.Types.S3Managed.Region)",
                "pre-signed URL expiration must be greater than zero (Publishers.Types.S3Managed.PreSignedURLExpiration)"),
                partial.problems());
        assertTrue(S3ManagedBucket.from(CONFIGURED).usable());
    }

    @Test
    void aManagedResultBecomesAPreSignedDownloadOfItsObject() {
        SpecConfig signed = new S3ManagedUrls(S3ManagedBucket.from(CONFIGURED), () -> true).transform(RESULT);
        assertEquals("s3PreSigned", signed.type());
        assertEquals(true, signed.rawParam("Managed"));
        String url = signed.param("PreSignedURL");
        assertTrue(url.startsWith("http://127.0.0.1:9000/managed/job-results/j-1/e-1.tar.gz?"), url);
        assertTrue(url.contains("X-Amz-Expires=600") && !url.contains("managed-secret"), url);
    }

    @Test
    void uploadUrlsArePutUrlsForTheSameObject() {
        String url = new S3ManagedUrls(S3ManagedBucket.from(CONFIGURED), () -> true).uploadUrl("j-1", "e-1");
        assertTrue(url.startsWith("http://127.0.0.1:9000/managed/job-results/j-1/e-1.tar.gz?"), url);
        assertTrue(url.contains("X-Amz-Signature="), url);
    }

    @Test
    void withoutConfigurationOrCredentialsItSaysWhy() {
        S3ManagedUrls unconfigured = new S3ManagedUrls(S3ManagedBucket.from(Config.defaults()), () -> true);
        assertEquals("this orchestrator has no s3managed bucket: set Publishers.Types.S3Managed.Bucket and .Region",
                unconfigured.unavailableReason());
        BacalaoException e = assertThrows(BacalaoException.class, () -> unconfigured.transform(RESULT));
        assertEquals("ConfigurationError", e.code().code());
        assertTrue(e.getMessage().startsWith("S3 managed publisher is not available, cannot fetch execution results"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> unconfigured.uploadUrl("j-1", "e-1"));
        assertEquals("the orchestrator has no AWS credentials to sign URLs for the s3managed bucket",
                new S3ManagedUrls(S3ManagedBucket.from(CONFIGURED), () -> false).unavailableReason());
        SpecConfig other = SpecConfig.of("urlDownload", Map.of("URL", "http://x/y"));
        assertSame(other, unconfigured.transform(other));
    }

    @Test
    void aJobForTheManagedPublisherIsRefusedOnlyWhenItCannotBeServed() {
        String yaml = "Type: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n";
        var managed = io.bacalao.domain.spec.JobReader.readFile(yaml + "    Publisher:\n      Type: s3managed\n");
        S3ManagedUrls unconfigured = new S3ManagedUrls(S3ManagedBucket.from(Config.defaults()), () -> true);
        BacalaoException e = assertThrows(BacalaoException.class, () -> unconfigured.refuseIfUnavailable(managed));
        assertEquals(400, e.status());
        assertEquals("the s3managed publisher is not available: this orchestrator has no s3managed bucket: set"
                + " Publishers.Types.S3Managed.Bucket and .Region", e.getMessage());
        unconfigured.refuseIfUnavailable(io.bacalao.domain.spec.JobReader.readFile(yaml));
        new S3ManagedUrls(S3ManagedBucket.from(CONFIGURED), () -> true).refuseIfUnavailable(managed);
    }
}
