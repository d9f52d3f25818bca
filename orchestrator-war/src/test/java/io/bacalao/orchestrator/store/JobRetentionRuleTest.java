package io.bacalao.orchestrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobRetentionRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final JobRetentionRule THIRTY_DAYS = new JobRetentionRule(Duration.ofDays(30));

    @Test
    void jobsThatEndedBeforeTheRetentionAreDue() {
        long due = THIRTY_DAYS.dueBefore(CLOCK.instant()).orElseThrow();
        assertEquals(UnixNanos.of(NOW.minus(Duration.ofDays(30))), due);
        long older = UnixNanos.of(NOW.minus(Duration.ofDays(31)));
        for (JobStateType ended : new JobStateType[]{JobStateType.Completed, JobStateType.Failed, JobStateType.Stopped}) {
            assertTrue(JobRetentionRule.purgeable(ended.name(), older, due), ended + " past the retention is kept");
        }
    }

    @Test
    void jobsStillInProgressAreKeptHoweverOld() {
        long due = THIRTY_DAYS.dueBefore(CLOCK.instant()).orElseThrow();
        long ancient = UnixNanos.of(NOW.minus(Duration.ofDays(365)));
        for (JobStateType live : new JobStateType[]{JobStateType.Pending, JobStateType.Queued, JobStateType.Running}) {
            assertFalse(JobRetentionRule.purgeable(live.name(), ancient, due), live + " was purged");
        }
    }

    @Test
    void aJobChangedWithinTheRetentionIsKept() {
        long due = THIRTY_DAYS.dueBefore(CLOCK.instant()).orElseThrow();
        assertFalse(JobRetentionRule.purgeable("Completed", UnixNanos.of(NOW.minus(Duration.ofDays(29))), due));
        assertFalse(JobRetentionRule.purgeable("Completed", due, due), "exactly at the retention is still kept");
    }

    @Test
    void zeroOrNegativeRetentionKeepsEverything() {
        assertTrue(new JobRetentionRule(Duration.ZERO).dueBefore(CLOCK.instant()).isEmpty());
        assertTrue(new JobRetentionRule(Duration.ofHours(-1)).dueBefore(CLOCK.instant()).isEmpty());
        assertTrue(new JobRetentionRule(null).keepsForever());
    }

    @Test
    void aPurgedJobSaysWhenAndUnderWhichKey() {
        String m = new PurgedJobEntity("j-1", UnixNanos.of(NOW), THIRTY_DAYS.text()).goneMessage();
        assertEquals("job not found: j-1 ended and was purged at 2026-12-02T12:00:00Z; ended jobs are kept for"
                + " 720h0m0s after their last change (Orchestrator.Retention.Jobs)", m);
    }
}
