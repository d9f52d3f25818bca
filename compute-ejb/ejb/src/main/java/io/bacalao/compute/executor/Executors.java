package io.bacalao.compute.executor;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The executors this node offers, by engine name: installed ones, minus those in {@code Engines.Disabled}. */
@ApplicationScoped
public class Executors {
    @Inject
    @Any
    Instance<Executor> all;
    @Inject
    ComputeSettings settings;
    private final Map<String, Executor> byEngine = new TreeMap<>();

    @PostConstruct
    void init() {
        List<String> disabled = settings.config().getList(ConfigKeys.ENGINES_DISABLED).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (Executor e : all) {
            if (!disabled.contains(e.engine()) && e.isInstalled()) byEngine.put(e.engine(), e);
        }
    }

    public Optional<Executor> forEngine(String engine) {
        return Optional.ofNullable(byEngine.get(engine == null ? "" : engine.toLowerCase(Locale.ROOT)));
    }

    /** Lets every executor clean up after a previous run of this node. */
    public void recoverAll() {
        byEngine.values().forEach(Executor::recover);
    }

    public List<String> engines() {
        return List.copyOf(byEngine.keySet());
    }
}
