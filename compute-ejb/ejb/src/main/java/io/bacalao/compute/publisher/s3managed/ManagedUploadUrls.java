package io.bacalao.compute.publisher.s3managed;

import io.bacalao.compute.messaging.OrchestratorLink;
import io.bacalao.domain.protocol.ManagedPublisherUrlRequest;
import io.bacalao.domain.protocol.ManagedPublisherUrlResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the orchestrator, over the broker, for the pre-signed PUT URL of an execution's s3managed upload and waits
 * for its {@link ManagedPublisherUrlResponse}, which the node's inbox hands to {@link #answered}. Answers are paired
 * with questions by request ID; a late or repeated answer (at-least-once delivery) finds no waiter and is dropped.
 */
@ApplicationScoped
public class ManagedUploadUrls {
    private final Map<String, CompletableFuture<ManagedPublisherUrlResponse>> waiting = new ConcurrentHashMap<>();

    @Inject
    OrchestratorLink link;

    /**
     * The URL to PUT to.
     *
     * @throws UrlRefusedException with the orchestrator's reason, or why no answer came within {@code timeout}
     */
    public String request(String nodeId, String jobId, String executionId, Duration timeout)
            throws UrlRefusedException, InterruptedException {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<ManagedPublisherUrlResponse> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        try {
            link.send(new ManagedPublisherUrlRequest(nodeId, requestId, jobId, executionId));
            ManagedPublisherUrlResponse r = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!r.error().isEmpty() || r.url().isEmpty()) {
                throw new UrlRefusedException(r.error().isEmpty() ? "the orchestrator sent no URL" : r.error());
            }
            return r.url();
        } catch (TimeoutException e) {
            throw new UrlRefusedException("the orchestrator did not answer within " + timeout.toSeconds() + "s");
        } catch (ExecutionException e) {
            throw new UrlRefusedException(String.valueOf(e.getCause()));
        } catch (RuntimeException e) {
            throw new UrlRefusedException("cannot reach the orchestrator: " + e.getMessage());
        } finally {
            waiting.remove(requestId);
        }
    }

    /** An answer from the orchestrator. */
    public void answered(ManagedPublisherUrlResponse r) {
        CompletableFuture<ManagedPublisherUrlResponse> w = waiting.get(r.requestId());
        if (w != null) w.complete(r);
    }

    /** The orchestrator gave no URL. */
    public static final class UrlRefusedException extends Exception {
        public UrlRefusedException(String message) {
            super(message);
        }
    }
}
