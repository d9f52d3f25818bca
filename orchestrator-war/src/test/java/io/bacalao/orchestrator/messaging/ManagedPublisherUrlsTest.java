package io.bacalao.orchestrator.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.protocol.ManagedPublisherUrlRequest;
import io.bacalao.domain.protocol.ManagedPublisherUrlResponse;
import io.bacalao.orchestrator.results.S3ManagedUrls;
import org.junit.jupiter.api.Test;

class ManagedPublisherUrlsTest {

    @Test
    void anOrchestratorWithoutAManagedBucketAnswersWithTheReasonAndNoUrl() {
        ManagedPublisherUrls handler = new ManagedPublisherUrls();
        handler.urls = S3ManagedUrls.of(Config.defaults());
        ManagedPublisherUrlResponse r = handler.response(new ManagedPublisherUrlRequest("n-1", "r-1", "j-1", "e-1"));
        assertEquals(new ManagedPublisherUrlResponse("n-1", "r-1", "j-1", "e-1", "", "Managed S3 publisher is not"
                + " available: this orchestrator has no s3managed bucket: set Publishers.Types.S3Managed.Bucket and"
                + " .Region"), r);
    }

    @Test
    void theAnswerNeverPrintsItsUrl() {
        String shown = new ManagedPublisherUrlResponse("n-1", "r-1", "j-1", "e-1", "http://s3/b/k?X-Amz-Signature=abc", "")
                .toString();
        assertEquals(false, shown.contains("Signature"), shown);
    }
}
