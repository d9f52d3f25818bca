package io.bacalao.compute.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A node offers an engine from the check after it appears, and stops offering it from the check after it goes. */
class InstalledEnginesTest {
    final MutableClock clock = new MutableClock();
    final Engine docker = new Engine("docker");
    final Engine noop = new Engine("noop");
    final List<String> log = new ArrayList<>();
    final InstalledEngines engines = new InstalledEngines(List.of(docker, noop), clock, Duration.ofSeconds(10),
            Duration.ofSeconds(2), log::add);

    @Test
    void anEngineStartedAfterTheNodeIsOfferedAfterTheNextCheck() {
        noop.up = true;
        assertEquals(Set.of("noop"), engines.current().keySet());
        docker.up = true;
        clock.advance(Duration.ofSeconds(9));
        assertEquals(Set.of("noop"), engines.current().keySet(), "the last check is 9 s old");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Set.of("docker", "noop"), engines.current().keySet());
        assertEquals(1, engines.version());
        assertEquals(List.of("engine docker is available now: offering docker jobs"), log);
    }

    @Test
    void aBidForAMissingEngineAsksAgainAtMostEveryRetryInterval() {
        noop.up = true;
        assertTrue(engines.forEngine("docker").isEmpty());
        docker.up = true;
        clock.advance(Duration.ofSeconds(1));
        assertTrue(engines.forEngine("docker").isEmpty(), "asked 1 s ago");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(docker, engines.forEngine("docker").orElseThrow());
        assertTrue(engines.forEngine("wasm").isEmpty(), "an engine the node has no executor for");
    }

    @Test
    void anEngineThatStopsIsNoLongerOffered() {
        docker.up = true;
        noop.up = true;
        assertEquals(Set.of("docker", "noop"), engines.current().keySet());
        assertEquals(0, engines.version(), "the first check is no change");
        docker.up = false;
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Set.of("noop"), engines.current().keySet());
        assertEquals(1, engines.version());
        assertEquals(List.of("engine docker is no longer available: not offering docker jobs until it answers again"), log);
    }

    static final class Engine implements Executor {
        final String name;
        volatile boolean up;

        Engine(String name) {
            this.name = name;
        }

        @Override
        public String engine() {
            return name;
        }

        @Override
        public boolean isInstalled() {
            return up;
        }

        @Override
        public ExecutionOutcome run(ExecutionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String executionId) {
        }
    }
}
