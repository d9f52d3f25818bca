package io.bacalao.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a simulator accepts: broker URLs as compute nodes write them, and clear refusals of impossible settings. */
class SimulatorSettingsTest {
    @Test
    void brokerUrlsAreReadAsAComputeNodeReadsCompute_Orchestrators() {
        assertEquals("tcp://127.0.0.1:4222", SimulatorSettings.of("nats://127.0.0.1:4222", "", 1).artemisUrl());
        assertEquals("tcp://127.0.0.1:4222", SimulatorSettings.of("127.0.0.1:4222", "", 1).artemisUrl());
        assertEquals("tcp://h:1?sslEnabled=true", SimulatorSettings.of("tcp://h:1?sslEnabled=true", "", 1).artemisUrl());
    }

    @Test
    void nodeIdsArePrefixedNumberedAndDifferBetweenSimulators() {
        SimulatorSettings s = SimulatorSettings.of("h:1", "", 2).withIdPrefix("sim-x");
        assertEquals("sim-x-0001", s.nodeId(1));
        assertTrue(s.nodeId(1).matches("[A-Za-z0-9._-]{1,128}"), "a node ID the broker accepts");
        assertNotEquals(SimulatorSettings.of("h:1", "", 1).idPrefix(), SimulatorSettings.of("h:1", "", 1).idPrefix());
    }

    @Test
    void impossibleSettingsAreRefusedWithTheirName() {
        assertMessage("nodes must be 1..10000, not 0", () -> SimulatorSettings.of("h:1", "", 0));
        assertMessage("nodes must be 1..10000, not 10001", () -> SimulatorSettings.of("h:1", "", 10_001));
        assertMessage("idPrefix must be", () -> SimulatorSettings.of("h:1", "", 1).withIdPrefix("no spaces"));
        assertMessage("runTime must be zero or more", () -> SimulatorSettings.of("h:1", "", 1).withRunTime(Duration.ofMillis(-1)));
        assertMessage("heartbeatInterval must be positive",
                () -> SimulatorSettings.of("h:1", "", 1).withIntervals(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> SimulatorSettings.of(null, "", 1));
    }

    @Test
    void aTimerThreadForEveryFiveNodesFromTwoToSixteen() {
        assertEquals(2, SimulatorSettings.of("h:1", "", 1).timerThreads());
        assertEquals(4, SimulatorSettings.of("h:1", "", 20).timerThreads());
        assertEquals(16, SimulatorSettings.of("h:1", "", 100).timerThreads());
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().startsWith(start), x.getMessage());
    }
}
