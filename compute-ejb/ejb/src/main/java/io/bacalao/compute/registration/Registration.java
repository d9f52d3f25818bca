package io.bacalao.compute.registration;

import io.bacalao.compute.capacity.NodeCapacity;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.messaging.OrchestratorLink;
import io.bacalao.compute.outbox.OutboxSender;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.Redaction;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.NodeInfoUpdate;
import io.bacalao.domain.protocol.ShutdownNotice;
import io.bacalao.domain.runtime.Ticks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Joins the orchestrator and stays joined (reference §4.6): handshake, retried with backoff (1 s doubling to
 * 10 s) until accepted; then heartbeats every {@code Compute.Heartbeat.Interval}, node info every
 * {@code Compute.Heartbeat.InfoUpdateInterval} and, at most once a second, whenever the node's reservations
 * or its engines change (so the orchestrator places waiting jobs as soon as capacity frees or an engine appears). A failed send (the broker went
 * away), a refused handshake or an orchestrator that forgot the node sends it back to handshaking with backoff,
 * which is how it reconnects;
 * reports that could not be sent meanwhile wait in the node's outbox, which is sent at start-up and at once when
 * the node has joined again.
 * The {@link RegistrationMarker} in the DataDir tells the orchestrator that a restarted node registered before.
 * Runs outside a transaction, so each store call commits before anything it produced is sent.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Registration {
    private static final Logger LOG = Logger.getLogger(Registration.class.getName());
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Least time between two node info updates sent because capacity changed (bounds the extra traffic). */
    private static final Duration CHANGE_GAP = Duration.ofSeconds(1);

    @Inject
    OrchestratorLink link;
    @Inject
    NodeInfoFactory info;
    @Inject
    NodeCapacity capacity;
    @Inject
    ComputeSettings settings;
    @Inject
    Recovery recovery;
    @Inject
    OutboxSender outbox;
    @Inject
    Clock clock;
    @Inject
    Executors executors;

    private volatile boolean registered;
    private RegistrationMarker marker;
    private boolean joinedBefore;
    private long seq;
    private long nextHandshake;
    private long nextHeartbeat;
    private long nextInfo;
    private long lastInfo;
    private long sentCapacityVersion = -1;
    private Duration backoff = Duration.ofSeconds(1);
    private String lastProblem = "";
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PostConstruct
    void start() {
        marker = new RegistrationMarker(settings.workDir());
        joinedBefore = marker.exists();
        LOG.info(() -> joinedBefore ? "registered before (" + marker.file() + "); reconnecting to " + shownBrokerUrl()
                : "registering with the orchestrator at " + shownBrokerUrl());
        recovery.failInterrupted();
        outbox.wake();
        tick = Ticks.every(threads, Duration.ZERO, TICK, "registration tick", LOG, this::tick);
    }

    /** The broker URL as logs and diagnoses show it: a password inside it is hidden. */
    private String shownBrokerUrl() {
        return Redaction.inText(link.brokerUrl());
    }

    public boolean isRegistered() {
        return registered;
    }

    /** Where the node stands with its orchestrator, for {@code agent debug}. */
    public synchronized java.util.Map<String, Object> debugInfo() {
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("BrokerURL", shownBrokerUrl());
        info.put("Registered", registered);
        info.put("JoinedBefore", joinedBefore);
        info.put("LastProblem", lastProblem);
        return info;
    }

    synchronized void tick() {
        long now = clock.millis();
        try {
            if (!registered) {
                if (now >= nextHandshake) handshake(now);
                return;
            }
            if (now >= nextHeartbeat) {
                link.send(new Heartbeat(settings.nodeId(), ++seq));
                nextHeartbeat = now + settings.duration(ConfigKeys.HEARTBEAT_INTERVAL).toMillis();
            }
            long version = capacity.version() + executors.version();
            if (now >= nextInfo || version != sentCapacityVersion && now - lastInfo >= CHANGE_GAP.toMillis()) {
                link.send(new NodeInfoUpdate(settings.nodeId(), info.current()));
                sentCapacityVersion = version;
                lastInfo = now;
                nextInfo = now + settings.duration(ConfigKeys.INFO_UPDATE_INTERVAL).toMillis();
            }
        } catch (RuntimeException e) {
            if (registered) LOG.warning(() -> "lost the link to the orchestrator's broker at " + shownBrokerUrl() + "; reconnecting");
            registered = false;
            problem(LinkDiagnosis.describe(e, shownBrokerUrl(), link.usesTls(),
                    settings.config().getBool(ConfigKeys.COMPUTE_TLS_REQUIRE), backoff.toSeconds(), LinkDiagnosis.TCP));
            scheduleRetry(now);
        }
    }

    private void handshake(long now) {
        link.send(new HandshakeRequest(settings.nodeId(), info.current(), joinedBefore, now));
        scheduleRetry(now);
    }

    private void scheduleRetry(long now) {
        nextHandshake = now + backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    public synchronized void onHandshakeResponse(HandshakeResponse r) {
        if (r.accepted()) {
            if (!registered) {
                LOG.info(() -> (joinedBefore ? "rejoined" : "joined") + " the orchestrator at " + shownBrokerUrl()
                        + " as " + settings.nodeId() + " (" + r.membership() + ")");
            }
            marker.write(settings.nodeId(), link.brokerUrl(), r.membership(), clock.instant());
            joinedBefore = true;
            registered = true;
            backoff = Duration.ofSeconds(1);
            lastProblem = "";
            nextHeartbeat = 0;
            sentCapacityVersion = -1;
            outbox.retryNow();
        } else {
            problem("the orchestrator refused this node: " + r.reason());
            registered = false;
        }
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) LOG.warning(message);
        lastProblem = message;
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
        if (!registered) return;
        try {
            link.send(new ShutdownNotice(settings.nodeId(), "node stopping"));
        } catch (RuntimeException ignored) {
            // the orchestrator will notice the missing heartbeats
        }
    }
}
