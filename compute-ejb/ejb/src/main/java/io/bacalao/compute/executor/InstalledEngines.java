package io.bacalao.compute.executor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Which of the node's enabled executors can run now, asked of their engines again while the node runs (as
 * Bacalhau asks when it bids): a Docker engine started after the node is offered from then on, one that stopped is
 * no longer offered. A check happens when the last one is older than {@code recheck} ({@link #current}), or, for
 * an engine missing from the last check, when a bid asks for it and the last check is older than {@code retry}
 * ({@link #forEngine}), so a node without the engine is not made to probe it on every bid. Each change of the set
 * bumps {@link #version()} and is told to {@code log}.
 */
public final class InstalledEngines {
    private final List<Executor> enabled;
    private final Clock clock;
    private final Duration recheck;
    private final Duration retry;
    private final Consumer<String> log;
    private Map<String, Executor> installed = Map.of();
    private boolean checked;
    private long checkedAtMillis;
    private long version;

    public InstalledEngines(List<Executor> enabled, Clock clock, Duration recheck, Duration retry, Consumer<String> log) {
        this.enabled = List.copyOf(enabled);
        this.clock = clock;
        this.recheck = recheck;
        this.retry = retry;
        this.log = log;
    }

    /** The executors installed as of a check no older than {@code recheck}, by engine name. */
    public synchronized Map<String, Executor> current() {
        if (!checked || clock.millis() - checkedAtMillis >= recheck.toMillis()) check();
        return installed;
    }

    /** The engine's executor; an engine missing from the last check is asked again when that check is older than {@code retry}. */
    public synchronized Optional<Executor> forEngine(String engine) {
        Executor found = current().get(engine);
        if (found == null && clock.millis() - checkedAtMillis >= retry.toMillis()
                && enabled.stream().anyMatch(e -> e.engine().equals(engine))) {
            check();
            found = installed.get(engine);
        }
        return Optional.ofNullable(found);
    }

    /** How many times the installed set changed (0 after the first check). */
    public synchronized long version() {
        return version;
    }

    private void check() {
        Map<String, Executor> now = new TreeMap<>();
        for (Executor e : enabled) {
            if (e.isInstalled()) now.put(e.engine(), e);
        }
        boolean first = !checked;
        checked = true;
        checkedAtMillis = clock.millis();
        if (now.keySet().equals(installed.keySet())) return;
        if (!first) {
            now.keySet().stream().filter(k -> !installed.containsKey(k))
                    .forEach(k -> log.accept("engine " + k + " is available now: offering " + k + " jobs"));
            installed.keySet().stream().filter(k -> !now.containsKey(k))
                    .forEach(k -> log.accept("engine " + k + " is no longer available: not offering " + k
                            + " jobs until it answers again"));
            version++;
        }
        installed = Map.copyOf(now);
    }
}
