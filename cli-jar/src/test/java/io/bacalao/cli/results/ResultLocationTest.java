package io.bacalao.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.model.SpecConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLocationTest {
    @Test
    void eachKindOfResultReadsAsWhereItIs() {
        assertEquals("s3://b/out/j-1.tar.gz", ResultLocation.of(SpecConfig.of("s3",
                Map.of("Bucket", "b", "Key", "out/j-1.tar.gz", "Endpoint", ""))));
        assertEquals("s3://b/out/ at http://127.0.0.1:9000", ResultLocation.of(SpecConfig.of("s3PreSigned",
                Map.of("Bucket", "b", "Key", "out/", "Endpoint", "http://127.0.0.1:9000",
                        "PreSignedURL", "http://127.0.0.1:9000/b/out?X-Amz-Signature=s"))));
        assertEquals("http://127.0.0.1:6001/e-1.tar.gz", ResultLocation.of(SpecConfig.of("urlDownload",
                Map.of("URL", "http://127.0.0.1:6001/e-1.tar.gz"))));
        assertEquals("ipfs://bafy", ResultLocation.of(SpecConfig.of("ipfs", Map.of("CID", "bafy"))));
    }
}
