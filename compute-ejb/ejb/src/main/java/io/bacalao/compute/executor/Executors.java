package io.bacalao.compute.executor;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The executors this node offers, by engine name: those not in {@code Engines.Disabled} whose engine is installed,
 * asked again while the node runs ({@link InstalledEngines}: every 10 s, and at bid time for a missing engine at most
 * every 2 s).
 */
@ApplicationScoped
public class Executors {
    private static final Logger LOG = Logger.getLogger(Executors.class.getName());
    static final Duration RECHECK = Duration.ofSeconds(10);
    static final Duration RETRY_AT_BID = Duration.ofSeconds(2);
    @Inject
    @Any
    Instance<Executor> all;
    @Inject
    ComputeSettings settings;
    @Inject
    Clock clock;
    private InstalledEngines installed;

    @PostConstruct
    void init() {
        List<String> disabled = settings.config().getList(ConfigKeys.ENGINES_DISABLED).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Executor> enabled = all.stream().filter(e -> !disabled.contains(e.engine())).toList();
        installed = new InstalledEngines(enabled, clock, RECHECK, RETRY_AT_BID, LOG::info);
    }

    public Optional<Executor> forEngine(String engine) {
        return installed.forEngine(engine == null ? "" : engine.toLowerCase(Locale.ROOT));
    }

    /** Lets every executor clean up after a previous run of this node. */
    public void recoverAll() {
        installed.current().values().forEach(Executor::recover);
    }

    public List<String> engines() {
        return List.copyOf(installed.current().keySet());
    }

    /** Bumped when an engine appears or goes away, so that the node sends its info again. */
    public long version() {
        installed.current();
        return installed.version();
    }
}
