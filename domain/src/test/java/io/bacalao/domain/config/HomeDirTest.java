package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ~} in DataDir is {@code $HOME} when it is set (as Bacalhau), the JVM's user.home otherwise. */
class HomeDirTest {
    @Test
    void homeFollowsTheHomeVariable() {
        assertEquals("/tmp/someone", ConfigLoader.home(Map.of("HOME", "/tmp/someone")));
    }

    @Test
    void withoutHomeTheJvmsUserHomeIsUsed() {
        assertEquals(System.getProperty("user.home"), ConfigLoader.home(Map.of()));
        assertEquals(System.getProperty("user.home"), ConfigLoader.home(Map.of("HOME", " ")));
    }
}
