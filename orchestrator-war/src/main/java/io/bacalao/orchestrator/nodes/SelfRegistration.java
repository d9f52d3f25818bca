package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.runtime.Ticks;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Lists the orchestrator itself as an approved, connected Requester node, as Bacalhau does. Each minute, after
 * refreshing its own row, it reloads the {@link NodeSnapshot} whole from the store, which bounds how long any
 * drift of the snapshot (a copy that failed) can last.
 */
@Startup
@Singleton
public class SelfRegistration {
    private static final Logger LOG = Logger.getLogger(SelfRegistration.class.getName());
    private static final Duration PERIOD = Duration.ofMinutes(1);
    @Inject
    NodeStore nodes;
    @Inject
    NodeSnapshot snapshot;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    private Ticks tick;

    @PreDestroy
    void stop() {
        if (tick != null) tick.close();
    }

    /** Registers at once, then every minute. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        register();
        tick = Ticks.every(threads, PERIOD, PERIOD, "self-registration", LOG, this::register);
    }

    /** Outside a transaction (the tick's thread has none), so that the reload reads the committed row. */
    void register() {
        nodes.registerSelf(info(), clock.instant());
        snapshot.reload();
    }

    public NodeInfo info() {
        Map<String, String> labels = new LinkedHashMap<>(settings.config().getMap(ConfigKeys.LABELS));
        labels.put("os_type", io.bacalao.domain.config.BuildVersion.os());
        labels.put("os_arch", io.bacalao.domain.config.BuildVersion.arch());
        labels.put("name", settings.nodeId());
        return new NodeInfo(settings.nodeId(), NodeType.Requester, labels, List.of("bacalao/v1"), null, settings.version());
    }
}
