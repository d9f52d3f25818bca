package io.bacalao.orchestrator.jobs;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.ResourcesConfig;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.spec.JobDefaults;
import io.bacalao.domain.spec.SpecLimits;
import io.bacalao.domain.spec.SubmissionPreparer;
import io.bacalao.orchestrator.config.NodeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the submission preparer from the {@code JobDefaults.*} keys and {@code Orchestrator.MaxJobCount} of this
 * orchestrator's configuration.
 */
@ApplicationScoped
public class JobDefaultsProvider {
    @Inject
    NodeSettings settings;
    private SubmissionPreparer preparer;

    @PostConstruct
    void init() {
        preparer = new SubmissionPreparer(fromConfig(settings.config()), settings.nodeId(), limits(settings.config()));
    }

    public SubmissionPreparer preparer() {
        return preparer;
    }

    /** The spec limits; only the maximum Count is configurable ({@code Orchestrator.MaxJobCount}). */
    static SpecLimits limits(Config c) {
        return SpecLimits.defaults().withMaxJobCount(c.getInt(ConfigKeys.MAX_JOB_COUNT));
    }

    static JobDefaults fromConfig(Config c) {
        Map<JobType, JobDefaults.TypeDefaults> m = new EnumMap<>(JobType.class);
        for (JobType t : JobType.values()) {
            String p = "JobDefaults." + t.json().substring(0, 1).toUpperCase(Locale.ROOT) + t.json().substring(1) + ".";
            ResourcesConfig r = new ResourcesConfig(c.get(p + "Task.Resources.CPU"), c.get(p + "Task.Resources.Memory"),
                    c.get(p + "Task.Resources.Disk"), c.get(p + "Task.Resources.GPU"));
            boolean batchLike = !t.isLongRunning();
            m.put(t, new JobDefaults.TypeDefaults(c.getInt(p + "Priority"), r,
                    batchLike ? publisher(c, p + "Task.Publisher.") : SpecConfig.of(""),
                    batchLike ? c.getDuration(p + "Task.Timeouts.ExecutionTimeout").toSeconds() : 0,
                    batchLike ? c.getDuration(p + "Task.Timeouts.TotalTimeout").toSeconds() : 0,
                    batchLike ? c.getDuration(p + "Task.Timeouts.QueueTimeout").toSeconds() : 0));
        }
        return new JobDefaults(m);
    }

    /** The default publisher: {@code Type}, with {@code Params} when any are set. */
    private static SpecConfig publisher(Config c, String prefix) {
        Map<String, String> params = c.getMap(prefix + "Params");
        String type = c.get(prefix + "Type");
        return params.isEmpty() ? SpecConfig.of(type) : SpecConfig.of(type, new java.util.LinkedHashMap<>(params));
    }
}
