package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.ManagedPublisherUrlRequest;
import io.bacalao.domain.protocol.ManagedPublisherUrlResponse;
import io.bacalao.orchestrator.results.S3ManagedUrls;
import io.bacalao.orchestrator.store.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a compute node's {@link ManagedPublisherUrlRequest} (Bacalhau's {@code PreSignedURLRequestHandler}) on
 * that node's own queue: a pre-signed PUT URL into the s3managed bucket, only for an execution of that job that the
 * job store places on that node, else the reason. Repeated requests get a fresh URL for the same object.
 */
@ApplicationScoped
public class ManagedPublisherUrls {
    private static final Logger LOG = Logger.getLogger(ManagedPublisherUrls.class.getName());

    @Inject
    S3ManagedUrls urls;
    @Inject
    JobStore store;
    @Inject
    Broker broker;

    public void answer(ManagedPublisherUrlRequest r) {
        broker.send(response(r));
    }

    ManagedPublisherUrlResponse response(ManagedPublisherUrlRequest r) {
        String unavailable = urls.unavailableReason();
        if (!unavailable.isEmpty()) return refused(r, "Managed S3 publisher is not available: " + unavailable);
        if (blank(r.jobId()) || blank(r.executionId())) return refused(r, "JobID and ExecutionID must be provided");
        boolean onThisNode = store.executions(r.jobId()).stream()
                .anyMatch(e -> e.id().equals(r.executionId()) && r.nodeId().equals(e.nodeId()));
        if (!onThisNode) {
            return refused(r, "execution " + r.executionId() + " of job " + r.jobId() + " is not assigned to node " + r.nodeId());
        }
        try {
            return new ManagedPublisherUrlResponse(r.nodeId(), r.requestId(), r.jobId(), r.executionId(),
                    urls.uploadUrl(r.jobId(), r.executionId()), "");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not sign an s3managed upload URL for execution " + r.executionId(), e);
            return refused(r, "failed to generate pre-signed PUT URL: " + e.getMessage());
        }
    }

    private static ManagedPublisherUrlResponse refused(ManagedPublisherUrlRequest r, String error) {
        return new ManagedPublisherUrlResponse(r.nodeId(), r.requestId(), r.jobId(), r.executionId(), "", error);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
