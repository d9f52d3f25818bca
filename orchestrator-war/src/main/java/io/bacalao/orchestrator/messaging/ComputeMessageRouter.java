package io.bacalao.orchestrator.messaging;

import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.ManagedPublisherUrlRequest;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.NodeInfoUpdate;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import io.bacalao.domain.protocol.ShutdownNotice;
import io.bacalao.orchestrator.nodes.NodeManager;
import io.bacalao.orchestrator.store.ExecutionReports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/** Sends each compute message to the component that owns it: node lifecycle, execution reports, s3managed URLs. */
@ApplicationScoped
public class ComputeMessageRouter {
    private static final Logger LOG = Logger.getLogger(ComputeMessageRouter.class.getName());

    @Inject
    NodeManager nodes;
    @Inject
    ExecutionReports reports;
    @Inject
    Clock clock;
    @Inject
    ManagedPublisherUrls managedUrls;

    public void route(ProtocolMessage m) {
        switch (m) {
            case HandshakeRequest h -> nodes.handshake(h);
            case Heartbeat h -> nodes.heartbeat(h);
            case NodeInfoUpdate u -> nodes.infoUpdate(u);
            case ShutdownNotice s -> nodes.shutdown(s);
            case BidResult r -> reports.bidResult(r, clock.instant());
            case RunResult r -> reports.runResult(r, clock.instant());
            case ComputeError r -> reports.computeError(r, clock.instant());
            case ExecutionProgress r -> reports.progress(r, clock.instant());
            case ManagedPublisherUrlRequest r -> managedUrls.answer(r);
            default -> LOG.warning(() -> "ignoring " + m.getClass().getSimpleName() + " sent to the orchestrator");
        }
    }
}
