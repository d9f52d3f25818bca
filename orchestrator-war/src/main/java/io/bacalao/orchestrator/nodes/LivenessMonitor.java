package io.bacalao.orchestrator.nodes;

import static io.bacalao.orchestrator.nodes.HeardFromWindow.Path.BROKER;
import static io.bacalao.orchestrator.nodes.HeardFromWindow.Path.STORE;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.runtime.Ticks;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Marks compute nodes DISCONNECTED when no heartbeat came for {@code Orchestrator.NodeManager.DisconnectTimeout};
 * checks every third of that timeout, clamped to [1 s, 30 s]. After a restart of the orchestrator, once the liveness
 * queue's consumer is connected to the broker again after losing it, and once the job store is back after a check
 * could not read it, every node gets one full timeout to be heard from again before it is declared gone
 * ({@link HeardFromWindow}): a broker or store outage is not the nodes' silence.
 * Runs outside a transaction, so each store call commits before anything it produced is sent.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LivenessMonitor {
    private static final Logger LOG = Logger.getLogger(LivenessMonitor.class.getName());
    @Inject
    NodeStore nodes;
    @Inject
    NodeManager manager;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;
    private Duration timeout;
    private HeardFromWindow window;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PostConstruct
    void start() {
        window = new HeardFromWindow(clock);
        timeout = settings.duration(ConfigKeys.DISCONNECT_TIMEOUT);
        long period = Math.clamp(timeout.toMillis() / 3, 1_000, 30_000);
        tick = Ticks.every(threads, Duration.ofMillis(period), Duration.ofMillis(period), "liveness check", LOG, this::check);
    }

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    /** The liveness queue's consumer lost its broker connection: heartbeats cannot arrive until it is back. */
    @Lock(LockType.READ)
    public void heartbeatsCannotArrive() {
        window.away(BROKER);
    }

    /** The liveness queue's consumer is connected (again): every node gets a full timeout from now if it was not. */
    @Lock(LockType.READ)
    public void heartbeatsCanArrive() {
        window.back(BROKER);
    }

    void check() {
        if (!window.isAway(STORE) && !window.mayBlameSilenceOf(timeout)) return;
        List<String> silent;
        try {
            silent = nodes.silentSince(clock.millis() - timeout.toMillis());
        } catch (RuntimeException storeAway) {
            if (!window.isAway(STORE)) {
                LOG.warning(() -> "liveness: the job store could not be read (" + storeAway.getMessage() + "); once it"
                        + " is back every node gets " + Durations.format(timeout) + " to be heard from");
            }
            window.away(STORE);
            return;
        }
        window.back(STORE);
        if (!window.mayBlameSilenceOf(timeout)) return;
        for (String id : silent) manager.disconnect(id, "no heartbeat for " + Durations.format(timeout));
    }
}
