package io.bacalao.domain.model;

import static io.bacalao.domain.model.ExecutionStateType.AskForBid;
import static io.bacalao.domain.model.ExecutionStateType.AskForBidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.AskForBidRejected;
import static io.bacalao.domain.model.ExecutionStateType.BidAccepted;
import static io.bacalao.domain.model.ExecutionStateType.BidRejected;
import static io.bacalao.domain.model.ExecutionStateType.Cancelled;
import static io.bacalao.domain.model.ExecutionStateType.Completed;
import static io.bacalao.domain.model.ExecutionStateType.Failed;
import static io.bacalao.domain.model.ExecutionStateType.New;
import static io.bacalao.domain.model.ExecutionStateType.Publishing;
import static io.bacalao.domain.model.ExecutionStateType.Running;
import static io.bacalao.domain.model.ExecutionStateType.Undefined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The execution's observed-state table (reference §3.3), one rule per test. */
class ExecutionStateTransitionsTest {

    private static Set<ExecutionStateType> allowedFrom(ExecutionStateType from) {
        Set<ExecutionStateType> s = EnumSet.noneOf(ExecutionStateType.class);
        for (ExecutionStateType to : ExecutionStateType.values()) if (from.canTransitionTo(to)) s.add(to);
        return s;
    }

    @Test
    void anUndefinedExecutionCanOnlyBeCreated() {
        assertEquals(EnumSet.of(New), allowedFrom(Undefined));
    }

    @Test
    void aNewExecutionMayBeAskedAnsweredApprovedOrEnded() {
        assertEquals(EnumSet.of(AskForBid, AskForBidAccepted, AskForBidRejected, BidAccepted, BidRejected, Running,
                Publishing, Completed, Failed, Cancelled), allowedFrom(New));
    }

    @Test
    void anAcceptedBidIsApprovedOrRejectedByTheOrchestrator() {
        assertTrue(AskForBidAccepted.canTransitionTo(BidAccepted));
        assertTrue(AskForBidAccepted.canTransitionTo(BidRejected));
        assertFalse(AskForBidAccepted.canTransitionTo(AskForBidRejected));
    }

    @Test
    void anApprovedExecutionCanNoLongerHaveItsBidRejected() {
        for (ExecutionStateType from : EnumSet.of(BidAccepted, Running, Publishing)) {
            assertFalse(from.canTransitionTo(BidRejected), from + " -> BidRejected");
            assertFalse(from.canTransitionTo(AskForBidRejected), from + " -> AskForBidRejected");
            assertFalse(from.canTransitionTo(AskForBidAccepted), from + " -> AskForBidAccepted");
        }
    }

    @Test
    void aRunMovesForwardOnly() {
        assertEquals(EnumSet.of(Running, Publishing, Completed, Failed, Cancelled), allowedFrom(BidAccepted));
        assertEquals(EnumSet.of(Publishing, Completed, Failed, Cancelled), allowedFrom(Running));
        assertEquals(EnumSet.of(Completed, Failed, Cancelled), allowedFrom(Publishing));
    }

    @Test
    void terminalStatesAreFinal() {
        for (ExecutionStateType t : EnumSet.of(AskForBidRejected, BidRejected, Completed, Failed, Cancelled)) {
            assertEquals(EnumSet.noneOf(ExecutionStateType.class), allowedFrom(t), t.name());
        }
    }

    @Test
    void aRepeatedReportIsNotAMove() {
        for (ExecutionStateType s : ExecutionStateType.values()) assertFalse(s.canTransitionTo(s), s.name());
    }
}
