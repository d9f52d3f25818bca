package io.bacalao.compute.registration;

import io.bacalao.broker.client.BrokerAuthException;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.messaging.OrchestratorLink;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.protocol.HandshakeRequest;
import io.bacalao.domain.protocol.HandshakeResponse;
import io.bacalao.domain.protocol.Heartbeat;
import io.bacalao.domain.protocol.NodeInfoUpdate;
import io.bacalao.domain.protocol.ShutdownNotice;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Joins the orchestrator and stays joined (reference §4.6): handshake, retried with backoff (1 s doubling to
 * 10 s) until accepted; then heartbeats every {@code Compute.Heartbeat.Interval} and node info every
 * {@code Compute.Heartbeat.InfoUpdateInterval}, and also (at most once a second) when its running or queued
 * capacity changed, so that the orchestrator places waiting jobs as soon as capacity frees. A refused handshake or an orchestrator that forgot the node
 * sends it back to handshaking.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Registration {
    private static final Logger LOG = Logger.getLogger(Registration.class.getName());
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** Least time between two node info updates sent because capacity changed (bounds the extra traffic). */
    private static final Duration CHANGE_GAP = Duration.ofSeconds(1);

    @Resource
    TimerService timers;
    @Inject
    OrchestratorLink link;
    @Inject
    NodeInfoFactory info;
    @Inject
    ComputeSettings settings;
    @Inject
    Recovery recovery;
    @Inject
    Clock clock;
    @Inject
    io.bacalao.compute.capacity.NodeCapacity capacity;

    private volatile boolean registered;
    private long seq;
    private long nextHandshake;
    private long nextHeartbeat;
    private long nextInfo;
    private long lastInfo;
    private long infoChanges = -1;
    private Duration backoff = Duration.ofSeconds(1);
    private String lastProblem = "";

    @PostConstruct
    void start() {
        recovery.failInterrupted();
        timers.createIntervalTimer(0, TICK.toMillis(), new TimerConfig("registration", false));
    }

    public boolean isRegistered() {
        return registered;
    }

    @Timeout
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
            long changes = capacity.changes();
            if (now >= nextInfo || changes != infoChanges && now - lastInfo >= CHANGE_GAP.toMillis()) {
                link.send(new NodeInfoUpdate(settings.nodeId(), info.current()));
                infoChanges = changes;
                lastInfo = now;
                nextInfo = now + settings.duration(ConfigKeys.INFO_UPDATE_INTERVAL).toMillis();
            }
        } catch (BrokerAuthException e) {
            problem("the orchestrator's broker at " + link.brokerUrl()
                    + " refused this node's Compute.Auth.Token; retrying in " + backoff.toSeconds() + "s");
            registered = false;
            scheduleRetry(now);
        } catch (RuntimeException e) {
            problem("cannot reach the orchestrator at " + link.brokerUrl() + " (" + e.getMessage() + "); retrying");
            registered = false;
            scheduleRetry(now);
        }
    }

    private void handshake(long now) {
        link.send(new HandshakeRequest(settings.nodeId(), info.current(), false, now));
        scheduleRetry(now);
    }

    private void scheduleRetry(long now) {
        nextHandshake = now + backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    public synchronized void onHandshakeResponse(HandshakeResponse r) {
        if (r.accepted()) {
            if (!registered) LOG.info(() -> "joined the orchestrator at " + link.brokerUrl() + " as " + settings.nodeId()
                    + " (" + r.membership() + ")");
            registered = true;
            backoff = Duration.ofSeconds(1);
            lastProblem = "";
            nextHeartbeat = 0;
            recovery.reportFinished();
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
        if (!registered) return;
        try {
            link.send(new ShutdownNotice(settings.nodeId(), "node stopping"));
        } catch (RuntimeException ignored) {
            // the orchestrator will notice the missing heartbeats
        }
    }
}
