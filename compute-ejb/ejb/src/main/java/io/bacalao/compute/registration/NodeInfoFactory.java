package io.bacalao.compute.registration;

import io.bacalao.compute.bidding.Capabilities;
import io.bacalao.compute.capacity.NodeCapacity;
import io.bacalao.compute.capacity.gpu.GpuLabels;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.executor.Executors;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** This node's self-description: labels (config, os_type, os_arch, name, GPU-i), engines, storages, capacity. */
@ApplicationScoped
public class NodeInfoFactory {
    @Inject
    ComputeSettings settings;
    @Inject
    Executors executors;
    @Inject
    Capabilities capabilities;
    @Inject
    NodeCapacity capacity;

    public NodeInfo current() {
        Map<String, String> labels = new LinkedHashMap<>(settings.config().getMap(ConfigKeys.LABELS));
        labels.put("os_type", BuildVersion.os());
        labels.put("os_arch", BuildVersion.arch());
        labels.put("name", settings.nodeId());
        Resources max = capacity.max();
        labels.putAll(GpuLabels.of(max.gpus()));
        String address = settings.config().get(ConfigKeys.ADVERTISED_ADDRESS);
        ComputeNodeInfo compute = new ComputeNodeInfo(executors.engines(), capabilities.publishers(),
                capabilities.storageSources(), max, capacity.queued(), capacity.available(), max,
                capacity.runningCount(), capacity.queuedCount(), address.isBlank() ? "127.0.0.1" : address);
        return new NodeInfo(settings.nodeId(), NodeType.Compute, labels, List.of("bacalao/v1"), compute,
                BuildVersion.current());
    }
}
