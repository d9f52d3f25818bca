package io.bacalao.compute.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A report that fails while the broker is away waits for it; one the reachable broker refuses three times is parked. */
class RefusalsTest {
    private final Refusals refusals = new Refusals();

    @Test
    void aReportWaitsForAnUnreachableBrokerForEverWithoutBeingCounted() {
        for (int i = 0; i < 100; i++) assertEquals(Refusals.Verdict.WAIT_FOR_BROKER, refusals.failed(7, false));
        assertEquals(0, refusals.tracked());
    }

    @Test
    void aReportTheReachableBrokerRefusesIsTriedAgainThenParkedAtTheThirdRefusal() {
        assertEquals(Refusals.Verdict.TRY_AGAIN, refusals.failed(7, true));
        assertEquals(Refusals.Verdict.WAIT_FOR_BROKER, refusals.failed(7, false), "the broker's failure is not counted");
        assertEquals(Refusals.Verdict.TRY_AGAIN, refusals.failed(7, true));
        assertEquals(Refusals.Verdict.PARK, refusals.failed(7, true));
        assertEquals(0, refusals.tracked(), "a parked report is forgotten");
    }

    @Test
    void aReportSentAfterARefusalStartsAfreshAndOthersAreCountedApart() {
        refusals.failed(7, true);
        refusals.failed(7, true);
        refusals.sent(7);
        assertEquals(Refusals.Verdict.TRY_AGAIN, refusals.failed(7, true));
        assertEquals(Refusals.Verdict.TRY_AGAIN, refusals.failed(8, true));
        assertEquals(2, refusals.tracked());
    }
}
