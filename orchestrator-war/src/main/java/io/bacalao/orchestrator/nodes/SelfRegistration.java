package io.bacalao.orchestrator.nodes;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeType;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the orchestrator itself as an approved, connected Requester node, as Bacalhau does. Each minute, after
 * refreshing its own row, it reloads the {@link NodeSnapshot} whole from the store, which bounds how long any
 * drift of the snapshot (a copy that failed) can last.
 */
@Startup
@Singleton
public class SelfRegistration {
    @Inject
    NodeStore nodes;
    @Inject
    NodeSnapshot snapshot;
    @Inject
    NodeSettings settings;
    @Inject
    Clock clock;

    /** Outside a transaction, so that the reload reads the committed row. */
    @PostConstruct
    @Schedule(minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
