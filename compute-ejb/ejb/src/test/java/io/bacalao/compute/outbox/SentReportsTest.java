package io.bacalao.compute.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rows of sent reports are due for removal 250 ms after the first was sent, or once 100 have gathered. */
class SentReportsTest {
    private final MutableClock clock = new MutableClock();
    private final SentReports sent = new SentReports(clock);

    @Test
    void rowsAreDueOnceTheOldestWasSentTheDelayAgo() {
        assertFalse(sent.removalDue(), "nothing sent, nothing due");
        sent.sent(1);
        clock.advance(Duration.ofMillis(200));
        sent.sent(2);
        assertFalse(sent.removalDue());
        assertEquals(Duration.ofMillis(50), sent.untilDue());
        clock.advance(Duration.ofMillis(50));
        assertTrue(sent.removalDue());
        assertEquals(List.of(1L, 2L), sent.toRemove());
    }

    @Test
    void aFullBatchIsDueAtOnce() {
        for (long id = 1; id < SentReports.MAX; id++) sent.sent(id);
        assertFalse(sent.removalDue());
        sent.sent(SentReports.MAX);
        assertTrue(sent.removalDue());
    }

    @Test
    void rowsSentWhileARemovalRanWaitForTheNext() {
        sent.sent(1);
        List<Long> removing = sent.toRemove();
        sent.sent(2);
        sent.removed(removing);
        assertEquals(Set.of(2L), sent.notRemoved());
        assertFalse(sent.removalDue(), "its delay starts again");
    }
}
