package io.bacalao.orchestrator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.s3.S3Source;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ResultSignerTest {
    static final SpecConfig ARCHIVE = SpecConfig.of("s3", new S3Source("bucket", "out/j-1.tar.gz", "", "eu-west-1",
            "http://127.0.0.1:9000", "", "abc=").params());

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDSIGNER");
        System.setProperty("aws.secretAccessKey", "signer-secret");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void anArchiveBecomesAPreSignedPathStyleUrlThatExpiresAsConfigured() {
        SpecConfig signed = new S3ResultSigner(Config.defaults().with(ConfigKeys.S3_PRESIGNED_URL_EXPIRATION, "15m"),
                () -> true).transform(ARCHIVE);
        assertEquals("s3PreSigned", signed.type());
        String url = signed.param("PreSignedURL");
        assertTrue(url.startsWith("http://127.0.0.1:9000/bucket/out/j-1.tar.gz?"), url);
        assertTrue(url.contains("X-Amz-Expires=900") && url.contains("X-Amz-Signature="), url);
        assertTrue(url.contains("AKIDSIGNER") && !url.contains("signer-secret"), url);
        assertEquals("out/j-1.tar.gz", signed.param("Key"));
        assertEquals("abc=", signed.param("ChecksumSHA256"));
        assertEquals(false, signed.rawParam("Managed"));
    }

    @Test
    void resultsStayAsTheyAreWhenDisabledWithoutCredentialsOrNotAnArchive() {
        assertSame(ARCHIVE, new S3ResultSigner(Config.defaults().with(ConfigKeys.S3_PRESIGNED_URL_DISABLED, "true"),
                () -> true).transform(ARCHIVE));
        assertSame(ARCHIVE, new S3ResultSigner(Config.defaults(), () -> false).transform(ARCHIVE));
        SpecConfig plain = SpecConfig.of("s3", Map.of("Bucket", "b", "Key", "out/e-1/"));
        assertSame(plain, new S3ResultSigner(Config.defaults(), () -> true).transform(plain));
        SpecConfig url = SpecConfig.of("urlDownload", Map.of("URL", "http://x/y"));
        assertSame(url, new S3ResultSigner(Config.defaults(), () -> true).transform(url));
        assertFalse(new S3ResultSigner(Config.defaults(), () -> true).transform(ARCHIVE).param("PreSignedURL").isEmpty());
    }
}
