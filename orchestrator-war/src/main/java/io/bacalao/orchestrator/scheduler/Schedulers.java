package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.JobType;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The scheduler of each job type (reference §4.1): batch and service by partitions, ops and daemon on every node. */
public final class Schedulers {
    private final Map<JobType, Scheduler> byType = new EnumMap<>(JobType.class);

    public Schedulers(NodeSelector selector, NodeSelector daemonSelector) {
        PartitionScheduler partitions = new PartitionScheduler(selector);
        byType.put(JobType.BATCH, partitions);
        byType.put(JobType.SERVICE, partitions);
        byType.put(JobType.OPS, new OpsScheduler(selector));
        byType.put(JobType.DAEMON, new DaemonScheduler(daemonSelector));
    }

    public static Schedulers standard() {
        return new Schedulers(NodeSelector.standard(), NodeSelector.forDaemons());
    }

    public Optional<Scheduler> forType(JobType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
