package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.EvaluationTrigger;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.NodeInfoUpdate;
import io.bacalao.domain.protocol.ShutdownNotice;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.messaging.NodeChannel;
import io.bacalao.orchestrator.store.EvaluationStore;
import io.bacalao.orchestrator.store.JobStore;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Node lifecycle (reference §4.6): handshakes, heartbeats, info updates and departures. A node that joins or
 * comes back triggers evaluations of waiting jobs and daemon jobs; a node that is approved triggers evaluations of
 * waiting jobs; a node that reports more room than before triggers a pass over the oldest
 * {@value #CAPACITY_PASS_JOBS} waiting jobs, at most one pass every {@link #CAPACITY_PASS_PERIOD} however many nodes
 * report ({@link Coalescer}; the other waiting jobs keep their queue backoff), and a job whose due evaluation has
 * not started yet gets no second one. (Before, every report re-evaluated every waiting job: with thousands waiting
 * and a hundred nodes finishing work, the evaluations outgrew what the orchestrator could do and throughput
 * collapsed.) A node that leaves triggers evaluations of the jobs that had executions on it, which fail them over. Every committed membership or connection change is published as a
 * {@link NodeEvents node event}.
 */
@ApplicationScoped
public class NodeManager {
    private static final Logger LOG = Logger.getLogger(NodeManager.class.getName());
    private static final List<String> IN_PROGRESS =
            List.of(JobStateType.Pending.name(), JobStateType.Queued.name(), JobStateType.Running.name());

    @Inject
    NodeStore nodes;
    @Inject
    NodeSnapshot snapshot;
    @Inject
    JobStore jobs;
    @Inject
    EvaluationStore evaluations;
    @Inject
    NodeChannel channel;
    @Inject
    NodeEvents events;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    static final Duration CAPACITY_PASS_PERIOD = Duration.ofMillis(500);
    static final int CAPACITY_PASS_JOBS = 256;
    private Coalescer capacityPass;

    @PostConstruct
    void init() {
        capacityPass = new Coalescer("evaluating waiting jobs for new capacity", this::evaluateWaitingForCapacity,
                CAPACITY_PASS_PERIOD, (delay, run) -> scheduler.schedule(run, delay, TimeUnit.NANOSECONDS), System::nanoTime);
    }

    public void handshake(HandshakeRequest request) {
        boolean manual = settings.config().getBool(ConfigKeys.MANUAL_APPROVAL);
        NodeStore.Handshake h = nodes.handshake(request.nodeInfo(), manual, clock.instant());
        channel.tell(new HandshakeResponse(request.nodeId(), h.accepted(),
                h.membership() == null ? "" : h.membership().name(), h.reason()));
        if (!h.accepted()) {
            LOG.warning(() -> "refused handshake of " + request.nodeId() + ": " + h.reason());
            return;
        }
        snapshot.changed(request.nodeId());
        if (h.created()) {
            LOG.info(() -> "node " + request.nodeId() + (request.registered()
                    ? " says it registered before but is unknown here (deleted?): registered it again as " : " registered as ")
                    + h.membership());
            events.membership(request.nodeId(), null, h.membership(), "registered");
        } else {
            LOG.info(() -> "node " + request.nodeId() + " connected (" + h.membership() + ")");
        }
        if (h.joined()) {
            events.connection(request.nodeId(), h.created() ? null : NodeConnection.DISCONNECTED, NodeConnection.CONNECTED,
                    "handshake");
            reevaluateWaitingJobs(request.nodeId());
        }
        reconcile(request.nodeId());
    }

    /**
     * A node handshakes when it starts or lost its link: it may have finished, failed or forgotten executions
     * meanwhile whose reports never arrived. It is asked about each execution believed active there (running ones
     * included, which nothing else re-asks) and answers from its own store, with a failure for those it does
     * not know, so none of them waits for ever.
     */
    private void reconcile(String nodeId) {
        Map<String, String> active = jobs.activeExecutionsOn(nodeId);
        if (active.isEmpty()) return;
        LOG.info(() -> "asking node " + nodeId + " where its " + active.size() + " active execution(s) stand");
        active.forEach((executionId, jobId) -> channel.ask(new ExecutionStateRequest(nodeId, executionId, jobId)));
    }

    /**
     * Heartbeats taken together (the liveness queue's batch): one transaction for all of them, so that a slow
     * commit under load costs once per batch, not once per node. Nodes that must handshake first are told so.
     */
    public void heartbeats(List<Heartbeat> beats) {
        Instant now = clock.instant();
        Map<String, Long> seqByNode = new HashMap<>();
        for (Heartbeat h : beats) seqByNode.merge(h.nodeId(), h.seqNum(), Math::max);
        Set<String> refused = nodes.heartbeats(seqByNode, now);
        seqByNode.forEach((nodeId, seq) -> {
            if (refused.contains(nodeId)) {
                requireHandshake(nodeId);
            } else {
                snapshot.heartbeat(nodeId, seq, now);
            }
        });
    }

    public void heartbeat(Heartbeat h) {
        heartbeats(List.of(h));
    }

    /** Tells a node the orchestrator does not know it as connected: it must handshake before anything else. */
    private void requireHandshake(String nodeId) {
        channel.tell(new HandshakeResponse(nodeId, false, "", "handshake required"));
    }

    /** Stores the node's fresh info; when it shows capacity freed, the jobs waiting for nodes are evaluated at once. */
    public void infoUpdate(NodeInfoUpdate u) {
        Optional<NodeInfo> previous = nodes.updateInfo(u.nodeInfo(), clock.instant());
        if (previous.isEmpty()) {
            requireHandshake(u.nodeId());
            return;
        }
        snapshot.changed(u.nodeInfo().nodeId());
        if (hasMoreRoom(u.nodeInfo(), previous.get())) capacityPass.request();
    }

    public void shutdown(ShutdownNotice notice) {
        disconnect(notice.nodeId(), "node shut down: " + notice.reason());
    }

    /** Marks a node DISCONNECTED and evaluates the jobs that had executions there. */
    public void disconnect(String nodeId, String why) {
        Instant now = clock.instant();
        if (!nodes.disconnect(nodeId, why, now)) return;
        snapshot.changed(nodeId);
        LOG.info(() -> "node " + nodeId + " disconnected: " + why);
        events.connection(nodeId, NodeConnection.CONNECTED, NodeConnection.DISCONNECTED, why);
        reevaluateJobsOn(nodeId);
    }

    /**
     * True when the node can now take something it could not before: it reported no capacity before, its
     * available or maximum capacity grew in some dimension (a finished execution), its queue shrank, or it offers
     * an engine it did not (a Docker engine started after the node).
     * Less room needs no evaluation.
     */
    static boolean hasMoreRoom(NodeInfo now, NodeInfo before) {
        if (now.computeNodeInfo() == null) return false;
        if (before.computeNodeInfo() == null) return true;
        var is = now.computeNodeInfo();
        var was = before.computeNodeInfo();
        return !is.availableCapacity().fitsIn(was.availableCapacity())
                || !was.queueCapacity().fitsIn(is.queueCapacity())
                || !is.maxCapacity().fitsIn(was.maxCapacity())
                || !was.executionEngines().containsAll(is.executionEngines());
    }

    /**
     * A node joined, came back or was approved (reference §4.6): evaluate the jobs that have executions on it, every
     * daemon job still in progress (it runs on new nodes too) and every job waiting for nodes.
     */
    void reevaluateWaitingJobs(String nodeId) {
        List<String> ids = new ArrayList<>(jobs.jobsWithLiveExecutionsOn(nodeId));
        jobs.jobsInStates(IN_PROGRESS).stream().filter(j -> j.jobType() == JobType.DAEMON).forEach(j -> ids.add(j.id()));
        ids.addAll(waitingJobs(Integer.MAX_VALUE));
        reevaluate(ids.stream().distinct().toList(), EvaluationTrigger.NODE_JOIN);
    }

    /**
     * Up to {@code max} waiting jobs: queued jobs, oldest first, then jobs with a pending queue retry (placed in
     * part, waiting for more nodes).
     */
    private List<String> waitingJobs(int max) {
        List<String> ids = new ArrayList<>(jobs.idsInStates(List.of(JobStateType.Queued.name()), max));
        ids.addAll(evaluations.waitingJobs());
        return ids.stream().distinct().limit(max).toList();
    }

    private void evaluateWaitingForCapacity() {
        List<String> oldest = waitingJobs(CAPACITY_PASS_JOBS);
        if (oldest.isEmpty()) return;
        Instant now = clock.instant();
        evaluations.createForWaiting(oldest, EvaluationTrigger.NODE_JOIN, UnixNanos.of(now));
    }

    void reevaluateJobsOn(String nodeId) {
        reevaluate(jobs.jobsWithLiveExecutionsOn(nodeId), EvaluationTrigger.NODE_LEAVE);
    }

    private void reevaluate(List<String> jobIds, String trigger) {
        if (jobIds.isEmpty()) return;
        Instant now = clock.instant();
        long nanos = UnixNanos.of(now);
        evaluations.createFor(jobIds, trigger, nanos);
    }
}
