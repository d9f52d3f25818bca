package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.JobType;
import io.bacalao.orchestrator.scheduler.ranking.NodeSelector;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The scheduler of each job type. */
public final class Schedulers {
    private final Map<JobType, Scheduler> byType = new EnumMap<>(JobType.class);

    public Schedulers(NodeSelector selector) {
        byType.put(JobType.BATCH, new BatchScheduler(selector));
    }

    public static Schedulers standard() {
        return new Schedulers(NodeSelector.standard());
    }

    public Optional<Scheduler> forType(JobType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
