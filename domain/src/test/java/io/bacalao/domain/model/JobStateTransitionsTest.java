package io.bacalao.domain.model;

import static io.bacalao.domain.model.JobStateType.Completed;
import static io.bacalao.domain.model.JobStateType.Failed;
import static io.bacalao.domain.model.JobStateType.Pending;
import static io.bacalao.domain.model.JobStateType.Queued;
import static io.bacalao.domain.model.JobStateType.Running;
import static io.bacalao.domain.model.JobStateType.Stopped;
import static io.bacalao.domain.model.JobStateType.Undefined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job state table (reference §3.2), one rule per test. */
class JobStateTransitionsTest {

    private static Set<JobStateType> allowedFrom(JobStateType from) {
        Set<JobStateType> s = EnumSet.noneOf(JobStateType.class);
        for (JobStateType to : JobStateType.values()) if (from.canTransitionTo(to)) s.add(to);
        return s;
    }

    @Test
    void aNewJobStartsPending() {
        assertEquals(EnumSet.of(Pending), allowedFrom(Undefined));
    }

    @Test
    void aPendingJobQueuesRunsOrEnds() {
        assertEquals(EnumSet.of(Queued, Running, Completed, Failed, Stopped), allowedFrom(Pending));
    }

    @Test
    void aQueuedJobRunsOrEndsButDoesNotGoBackToPending() {
        assertEquals(EnumSet.of(Running, Completed, Failed, Stopped), allowedFrom(Queued));
    }

    @Test
    void aRunningJobMayQueueAgainWhenItsNodesAreGone() {
        assertEquals(EnumSet.of(Queued, Completed, Failed, Stopped), allowedFrom(Running));
    }

    @Test
    void aFailedJobMayOnlyBeStopped() {
        assertEquals(EnumSet.of(Stopped), allowedFrom(Failed));
    }

    @Test
    void completedAndStoppedAreFinal() {
        assertEquals(EnumSet.noneOf(JobStateType.class), allowedFrom(Completed));
        assertEquals(EnumSet.noneOf(JobStateType.class), allowedFrom(Stopped));
    }

    @Test
    void nothingGoesBackToPendingWithinAVersion() {
        for (JobStateType from : EnumSet.of(Queued, Running, Completed, Failed, Stopped)) {
            assertFalse(from.canTransitionTo(Pending), from + " -> Pending");
        }
    }

    @Test
    void stayingInTheSameStateIsNotAMove() {
        for (JobStateType s : JobStateType.values()) assertFalse(s.canTransitionTo(s), s.name());
    }
}
