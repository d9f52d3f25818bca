package io.bacalao.simulator;

import io.bacalao.broker.Addresses;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.protocol.AskForBid;
import io.bacalao.domain.protocol.BidAccepted;
import io.bacalao.domain.protocol.BidRejected;
import io.bacalao.domain.protocol.BidResult;
import io.bacalao.domain.protocol.CancelExecution;
import io.bacalao.domain.protocol.ComputeError;
import io.bacalao.domain.protocol.ExecutionProgress;
import io.bacalao.domain.protocol.ExecutionStateRequest;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.LogChunk;
import io.bacalao.domain.protocol.LogStreamRequest;
import io.bacalao.domain.protocol.NodeInfoUpdate;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.RunResult;
import io.bacalao.domain.protocol.ShutdownNotice;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One simulated compute node: the protocol of compute-ejb's {@code Registration}, {@code ComputeMessageHandler}
 * and {@code Reports} with a noop executor and an in-memory store. It handshakes (backoff 1 s doubling to 10 s),
 * heartbeats, sends node info, bids on every execution of an engine it offers, runs approved ones (at once or after
 * {@link SimulatorSettings#runTime}) and reports them; a repeated question gets the current answer again, a
 * repeated command changes nothing. A report that could not be sent is sent again, as the execution then stands,
 * once the node has rejoined. Its state is guarded by this object's lock, never held while sending.
 */
final class SimulatedNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SimulatedNode.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Least time between two node info updates sent because the running executions changed. */
    private static final Duration CHANGE_GAP = Duration.ofSeconds(1);

    private final String nodeId;
    private final SimulatorSettings settings;
    private final ScheduledExecutorService timers;
    private final RunLedger ledger;
    private final Clock clock;
    private final NodeLink link;
    private final Map<String, SimulatedExecution> executions = new HashMap<>();
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private volatile boolean registered;
    private volatile boolean closed;
    /** Set by an accepted handshake (the listener's thread); the tick resets its schedule when it sees it. */
    private volatile boolean justJoined;
    private boolean joinedBefore;
    private long seq;
    private long nextHandshake;
    private long nextHeartbeat;
    private long nextInfo;
    private long lastInfo;
    private long capacityVersion;
    private long sentCapacityVersion = -1;
    private Duration backoff = Duration.ofSeconds(1);
    private Resources running = Resources.ZERO;
    private int runningCount;

    SimulatedNode(String nodeId, String secret, SimulatorSettings settings, ActiveMQConnectionFactory factory,
                  ScheduledExecutorService timers, RunLedger ledger, Clock clock) {
        this.nodeId = nodeId;
        this.settings = settings;
        this.timers = timers;
        this.ledger = ledger;
        this.clock = clock;
        this.link = new NodeLink(factory, nodeId, settings.token() + ":" + secret, this::onMessage);
    }

    String nodeId() {
        return nodeId;
    }

    boolean isRegistered() {
        return registered;
    }

    /**
     * Called every few hundred milliseconds by the simulator's shared timer, never twice at once for one node; the
     * handshake and heartbeat schedule belongs to it.
     */
    void tick() {
        if (closed) return;
        long now = clock.millis();
        if (justJoined) {
            justJoined = false;
            joinedBefore = true;
            backoff = Duration.ofSeconds(1);
            nextHeartbeat = 0;
            sentCapacityVersion = -1;
        }
        try {
            if (!registered || !link.isOpen()) {
                registered = false;
                if (now < nextHandshake) return;
                scheduleRetry(now);
                link.open();
                link.send(new HandshakeRequest(nodeId, info(), joinedBefore, now));
                return;
            }
            if (now >= nextHeartbeat) {
                if (nextHeartbeat > 0) ledger.heartbeatSent(now - nextHeartbeat);
                link.send(new Heartbeat(nodeId, ++seq));
                nextHeartbeat = now + settings.heartbeatInterval().toMillis();
            }
            long version = capacityVersion();
            if (now >= nextInfo || version != sentCapacityVersion && now - lastInfo >= CHANGE_GAP.toMillis()) {
                link.send(new NodeInfoUpdate(nodeId, info()));
                sentCapacityVersion = version;
                lastInfo = now;
                nextInfo = now + settings.infoInterval().toMillis();
            }
            if (!unsent.isEmpty()) retryUnsent();
        } catch (JMSException | RuntimeException e) {
            if (registered) LOG.fine(() -> nodeId + " lost its broker link: " + e);
            registered = false;
        }
    }

    private synchronized long capacityVersion() {
        return capacityVersion;
    }

    private void scheduleRetry(long now) {
        nextHandshake = now + backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private void onMessage(Message message) {
        ProtocolMessage m;
        try {
            m = ProtocolCodec.decode(message.getStringProperty(ProtocolMessage.TYPE_PROPERTY), ((TextMessage) message).getText());
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, nodeId + " drops an unreadable message from the orchestrator", e);
            return;
        }
        try {
            handle(m);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, nodeId + " could not handle " + m.getClass().getSimpleName(), e);
        }
    }

    void handle(ProtocolMessage m) {
        switch (m) {
            case HandshakeResponse h -> onHandshakeResponse(h);
            case AskForBid a -> askForBid(a);
            case BidAccepted b -> bidAccepted(b);
            case BidRejected r -> update(r.executionId(), ExecutionStateType.AskForBidAccepted, ExecutionStateType.BidRejected);
            case CancelExecution c -> cancel(c);
            case ExecutionStateRequest r -> stateRequested(r);
            case LogStreamRequest l -> sendTo(Addresses.logQueue(l.streamId()),
                    new LogChunk(nodeId, l.streamId(), 0, 1, "", true, null));
            default -> LOG.warning(() -> nodeId + " ignores " + m.getClass().getSimpleName() + " sent to a compute node");
        }
    }

    private void onHandshakeResponse(HandshakeResponse r) {
        if (!r.accepted()) {
            LOG.warning(() -> nodeId + ": the orchestrator refused this node: " + r.reason());
            registered = false;
            return;
        }
        justJoined = true;
        registered = true;
    }

    private void askForBid(AskForBid ask) {
        Execution x = ask.execution();
        SimulatedExecution e;
        synchronized (this) {
            SimulatedExecution known = executions.get(x.id());
            if (known != null) {
                ledger.repeated();
                askedAgain(known);
                return;
            }
            String engine = x.job() == null ? "" : x.job().task().engine().type();
            boolean offered = settings.engines().stream().anyMatch(engine::equalsIgnoreCase);
            ExecutionStateType state = !offered ? ExecutionStateType.AskForBidRejected
                    : ask.preApproved() ? ExecutionStateType.BidAccepted : ExecutionStateType.AskForBidAccepted;
            e = new SimulatedExecution(x.id(), x.jobId(), x.partitionIndex(), x.allocatedResources(), state,
                    offered ? "" : "engine " + engine + " is not available on this simulated node");
            executions.put(e.id, e);
        }
        // as a compute node: a pre-approved run shorter than the Running delay reports only its result (HeldBids)
        if (e.state != ExecutionStateType.BidAccepted || settings.runTime().compareTo(settings.runningAfter()) >= 0) bid(e);
        if (e.state == ExecutionStateType.BidAccepted) start(e);
    }

    private void bidAccepted(BidAccepted accepted) {
        SimulatedExecution e;
        synchronized (this) {
            e = executions.get(accepted.executionId());
            if (e != null && e.state == ExecutionStateType.AskForBidAccepted) {
                e.state = ExecutionStateType.BidAccepted;
            } else {
                if (e != null) {
                    ledger.repeated();
                    answerAgain(e);
                }
                e = null;
            }
        }
        if (e != null) {
            start(e);
        } else if (!knows(accepted.executionId())) {
            unknown(accepted.executionId(), accepted.jobId());
        }
    }

    /** A rejoined node is asked where an execution stands: as a compute node, the current answer, or unknown. */
    private void stateRequested(ExecutionStateRequest r) {
        synchronized (this) {
            SimulatedExecution e = executions.get(r.executionId());
            if (e != null) {
                askedAgain(e);
                return;
            }
        }
        unknown(r.executionId(), r.jobId());
    }

    private void unknown(String executionId, String jobId) {
        String msg = "execution " + executionId + " is unknown to node " + nodeId;
        send(null, new ComputeError(nodeId, executionId, jobId, msg,
                List.of(Event.error(EventTopics.EXECUTION, msg, clock.instant()))));
    }

    private synchronized boolean knows(String executionId) {
        return executions.containsKey(executionId);
    }

    private void cancel(CancelExecution c) {
        synchronized (this) {
            SimulatedExecution e = executions.get(c.executionId());
            if (e == null || e.state.isTerminal()) return;
            if (e.state == ExecutionStateType.Running) release(e);
            e.state = ExecutionStateType.Cancelled;
            e.message = c.reason();
        }
    }

    private void update(String executionId, ExecutionStateType from, ExecutionStateType to) {
        synchronized (this) {
            SimulatedExecution e = executions.get(executionId);
            if (e != null && e.state == from) e.state = to;
        }
    }

    /** BidAccepted → Running, then completes it now or after the run time. */
    private void start(SimulatedExecution e) {
        synchronized (this) {
            if (e.state != ExecutionStateType.BidAccepted) return;
            e.state = ExecutionStateType.Running;
            running = running.plus(e.usage);
            runningCount++;
            capacityVersion++;
        }
        Duration runTime = settings.runTime();
        if (runTime.compareTo(settings.runningAfter()) >= 0) {
            send(e.id, new ExecutionProgress(nodeId, e.id, e.jobId, ExecutionStateType.Running, null));
        }
        if (runTime.isZero()) {
            complete(e);
        } else {
            timers.schedule(() -> complete(e), runTime.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void complete(SimulatedExecution e) {
        synchronized (this) {
            if (e.state != ExecutionStateType.Running) return;
            e.state = ExecutionStateType.Completed;
            release(e);
        }
        ledger.record(new SimulatedRun(nodeId, e.jobId, e.partition, e.id, clock.instant()));
        finished(e);
    }

    private void release(SimulatedExecution e) {
        running = running.minus(e.usage);
        runningCount--;
        capacityVersion++;
    }

    /**
     * A repeated AskForBid: the orchestrator has not recorded the bid, so an execution that already runs (it came
     * pre-approved) answers with its bid and its Running state, as a compute node does (must hold the lock).
     */
    private void askedAgain(SimulatedExecution e) {
        if (e.state == ExecutionStateType.BidAccepted || e.state == ExecutionStateType.Running) {
            timers.execute(() -> {
                bid(e);
                if (state(e) == ExecutionStateType.Running) {
                    send(e.id, new ExecutionProgress(nodeId, e.id, e.jobId, ExecutionStateType.Running, null));
                }
            });
        } else {
            answerAgain(e);
        }
    }

    /** Answers a repeated question with the execution's current state (must hold the lock: reads e.state). */
    private void answerAgain(SimulatedExecution e) {
        switch (e.state) {
            case New, AskForBidAccepted, AskForBidRejected -> timers.execute(() -> bid(e));
            case Completed -> timers.execute(() -> finished(e));
            default -> {
            }
        }
    }

    private void bid(SimulatedExecution e) {
        ExecutionStateType s = state(e);
        send(e.id, new BidResult(nodeId, e.id, e.jobId, s != ExecutionStateType.AskForBidRejected,
                s == ExecutionStateType.BidAccepted || s == ExecutionStateType.Running || s == ExecutionStateType.Completed,
                e.message, e.allocated, List.of()));
    }

    private void finished(SimulatedExecution e) {
        send(e.id, new RunResult(nodeId, e.id, e.jobId, SpecConfig.of(""), RunOutput.EMPTY,
                List.of(Event.of(EventTopics.EXECUTION, EventTopics.COMPLETED_SUCCESSFULLY, clock.instant()))));
    }

    private synchronized ExecutionStateType state(SimulatedExecution e) {
        return e.state;
    }

    /** Sends again, as they stand now, the executions whose last report could not be sent. */
    private void retryUnsent() {
        for (String id : List.copyOf(unsent)) {
            unsent.remove(id);
            SimulatedExecution e;
            ExecutionStateType s;
            synchronized (this) {
                e = executions.get(id);
                if (e == null) continue;
                s = e.state;
            }
            switch (s) {
                case New, AskForBidAccepted, AskForBidRejected -> bid(e);
                case Running -> send(e.id, new ExecutionProgress(nodeId, e.id, e.jobId, s, null));
                case Completed -> finished(e);
                default -> {
                }
            }
        }
    }

    private void send(String executionId, ProtocolMessage m) {
        try {
            link.send(m);
        } catch (JMSException | RuntimeException e) {
            if (executionId != null) unsent.add(executionId);
            registered = false;
            LOG.fine(() -> nodeId + " could not send " + m.getClass().getSimpleName() + " (" + e + "); sent again after rejoining");
        }
    }

    private void sendTo(String queue, ProtocolMessage m) {
        try {
            link.sendTo(queue, m);
        } catch (JMSException | RuntimeException e) {
            LOG.fine(() -> nodeId + " could not answer a log stream request: " + e);
        }
    }

    /** This node's self-description, as compute-ejb's NodeInfoFactory makes it. */
    NodeInfo info() {
        Resources max = settings.capacity();
        Resources used;
        int count;
        synchronized (this) {
            used = running;
            count = runningCount;
        }
        Map<String, String> labels = new LinkedHashMap<>(settings.labels());
        labels.put("os_type", BuildVersion.os());
        labels.put("os_arch", BuildVersion.arch());
        labels.put("name", nodeId);
        labels.put("simulated", "true");
        ComputeNodeInfo compute = new ComputeNodeInfo(settings.engines(), List.of("local", "noop"),
                List.of("urlDownload", "inline", "local"), max, Resources.ZERO, max.minus(used), max, count, 0, "127.0.0.1");
        return new NodeInfo(nodeId, NodeType.Compute, labels, List.of("bacalao/v1"), compute, BuildVersion.current());
    }

    /** Says goodbye when joined (the orchestrator marks the node DISCONNECTED at once), then closes the link. */
    @Override
    public void close() {
        closed = true;
        if (registered) {
            try {
                link.send(new ShutdownNotice(nodeId, "simulator stopping"));
            } catch (JMSException | RuntimeException ignored) {
                // the orchestrator notices the missing heartbeats
            }
        }
        registered = false;
        link.close();
    }

    /** Drops the broker connection as a crash would (no goodbye); the node reconnects on a later tick. */
    void dropLink() {
        registered = false;
        link.close();
    }
}
