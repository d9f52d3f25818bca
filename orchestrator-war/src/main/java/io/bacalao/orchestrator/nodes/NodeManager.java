package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.NodeInfoUpdate;
import io.bacalao.domain.protocol.ShutdownNotice;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.messaging.Broker;
import io.bacalao.orchestrator.messaging.Dispatcher;
import io.bacalao.orchestrator.store.EvaluationStore;
import io.bacalao.orchestrator.store.JobStore;
import io.bacalao.orchestrator.store.NodeStore;
import io.bacalao.orchestrator.store.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Node lifecycle (reference §4.6): handshakes, heartbeats, info updates and departures. A node that joins or
 * comes back triggers evaluations of waiting jobs and daemon jobs; a node that reports freed capacity triggers
 * evaluations of waiting jobs; a node that leaves triggers evaluations of the jobs that had executions on it,
 * which fail them over.
 */
@ApplicationScoped
public class NodeManager {
    private static final Logger LOG = Logger.getLogger(NodeManager.class.getName());
    private static final List<String> IN_PROGRESS =
            List.of(JobStateType.Pending.name(), JobStateType.Queued.name(), JobStateType.Running.name());

    @Inject
    NodeStore nodes;
    @Inject
    JobStore jobs;
    @Inject
    EvaluationStore evaluations;
    @Inject
    Broker broker;
    @Inject
    Dispatcher dispatcher;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;

    public void handshake(HandshakeRequest request) {
        boolean manual = settings.config().getBool(ConfigKeys.MANUAL_APPROVAL);
        NodeStore.Handshake h = nodes.handshake(request.nodeInfo(), manual, clock.instant());
        broker.send(new HandshakeResponse(request.nodeId(), h.accepted(),
                h.membership() == null ? "" : h.membership().name(), h.reason()));
        if (!h.accepted()) {
            LOG.warning(() -> "refused handshake of " + request.nodeId() + ": " + h.reason());
            return;
        }
        LOG.info(() -> "node " + request.nodeId() + " connected (" + h.membership() + ")");
        if (h.joined()) reevaluateWaitingJobs(request.nodeId());
    }

    public void heartbeat(Heartbeat h) {
        if (!nodes.heartbeat(h.nodeId(), h.seqNum(), clock.instant())) {
            broker.send(new HandshakeResponse(h.nodeId(), false, "", "handshake required"));
        }
    }

    /** Stores the node's fresh info; when it shows capacity freed, the jobs waiting for nodes are evaluated at once. */
    public void infoUpdate(NodeInfoUpdate u) {
        NodeStore.InfoUpdate result = nodes.updateInfo(u.nodeInfo(), clock.instant());
        if (result == NodeStore.InfoUpdate.HANDSHAKE_REQUIRED) {
            broker.send(new HandshakeResponse(u.nodeId(), false, "", "handshake required"));
            return;
        }
        if (result == NodeStore.InfoUpdate.CAPACITY_FREED) reevaluate(waitingJobs(), EvaluationTrigger.NODE_JOIN);
    }

    public void shutdown(ShutdownNotice notice) {
        disconnect(notice.nodeId(), "node shut down: " + notice.reason());
    }

    /** Marks a node DISCONNECTED and evaluates the jobs that had executions there. */
    public void disconnect(String nodeId, String why) {
        Instant now = clock.instant();
        if (!nodes.disconnect(nodeId, why, now)) return;
        LOG.info(() -> "node " + nodeId + " disconnected: " + why);
        reevaluate(jobs.jobsWithLiveExecutionsOn(nodeId), EvaluationTrigger.NODE_LEAVE);
    }

    /**
     * A node joined or came back (reference §4.6): evaluate the jobs that have executions on it, every daemon job
     * still in progress (it runs on new nodes too) and every job waiting for nodes.
     */
    private void reevaluateWaitingJobs(String nodeId) {
        List<String> ids = new ArrayList<>(jobs.jobsWithLiveExecutionsOn(nodeId));
        jobs.jobsInStates(IN_PROGRESS).stream().filter(j -> j.jobType() == JobType.DAEMON).forEach(j -> ids.add(j.id()));
        ids.addAll(waitingJobs());
        reevaluate(ids.stream().distinct().toList(), EvaluationTrigger.NODE_JOIN);
    }

    /** Queued jobs and jobs with a pending queue retry (placed in part, waiting for more nodes). */
    private List<String> waitingJobs() {
        List<String> ids = new ArrayList<>(evaluations.waitingJobs());
        jobs.jobsInStates(List.of(JobStateType.Queued.name())).forEach(j -> ids.add(j.id()));
        return ids.stream().distinct().toList();
    }

    private void reevaluate(List<String> jobIds, String trigger) {
        if (jobIds.isEmpty()) return;
        long now = clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
        Outbox out = Outbox.empty();
        evaluations.createFor(jobIds, trigger, now).forEach(out::add);
        dispatcher.send(out);
    }
}
