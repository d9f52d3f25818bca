package io.bacalao.orchestrator.housekeeping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobRetentionTest {
    @Test
    void sweepsEveryMinuteForRealRetentions() {
        assertEquals(Duration.ofMinutes(1), JobRetention.period(Duration.ofDays(30)));
        assertEquals(Duration.ofMinutes(1), JobRetention.period(Duration.ofMinutes(10)));
    }

    @Test
    void shortRetentionsAreSweptATenthAsOftenAtMostEverySecond() {
        assertEquals(Duration.ofSeconds(3), JobRetention.period(Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(1), JobRetention.period(Duration.ofSeconds(2)));
    }
}
