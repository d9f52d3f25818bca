package io.bacalao.compute.store;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.DesiredState;
import io.bacalao.domain.model.DesiredStateType;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.spec.Json;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compute node's local state machine: every pair of states, allowed or refused. */
class LocalExecutionTest {
    private static final Map<ExecutionStateType, Set<ExecutionStateType>> TABLE = Map.of(
            New, EnumSet.of(AskForBidAccepted, AskForBidRejected, BidAccepted, Cancelled),
            AskForBidAccepted, EnumSet.of(BidAccepted, BidRejected, Cancelled),
            BidAccepted, EnumSet.of(Running, Cancelled),
            Running, EnumSet.of(Publishing, Completed, Failed, Cancelled),
            Publishing, EnumSet.of(Completed, Failed, Cancelled));

    static LocalExecution in(ExecutionStateType state) {
        Job job = new Job("j-1", "t", "default", "batch", 0, 1, null, null, null,
                List.of(Task.of("main", SpecConfig.of("noop", Map.of()))), null, 1, 1, 0, 0);
        Execution e = Execution.create("e-1", job, "n-1", "ev", 0, DesiredState.of(DesiredStateType.Running, ""),
                AllocatedResources.of("main", Resources.ZERO), 0).withJob(job);
        return new LocalExecution(e, state, "", null, null);
    }

    @Test
    void everyPairOfStatesIsAllowedExactlyAsTheTableSays() {
        for (ExecutionStateType from : ExecutionStateType.values()) {
            for (ExecutionStateType to : ExecutionStateType.values()) {
                boolean expected = TABLE.getOrDefault(from, Set.of()).contains(to);
                assertEquals(expected, in(from).canTransitionTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void terminalStatesAreFinal() {
        for (ExecutionStateType t : ExecutionStateType.values()) {
            if (!t.isTerminal()) continue;
            for (ExecutionStateType next : ExecutionStateType.values()) {
                assertNull(in(t).moved(next, "late"), t + " -> " + next);
            }
        }
    }

    @Test
    void anAllowedMoveKeepsTheExecutionAndTakesTheReason() {
        LocalExecution rejected = in(AskForBidAccepted).moved(BidRejected, "not you");
        assertEquals(BidRejected, rejected.state());
        assertEquals("not you", rejected.message());
        assertEquals("e-1", rejected.id());
        assertEquals("", in(BidAccepted).moved(Running, null).message());
    }

    @Test
    void aMoveTheTableRefusesThrowsThroughToAndIsNullThroughMoved() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> in(Completed).to(Running, ""));
        assertTrue(e.getMessage().contains("cannot go from Completed to Running"), e.getMessage());
        assertNull(in(AskForBidAccepted).moved(Running, ""), "a run needs the orchestrator's approval first");
        assertNull(in(BidAccepted).moved(Completed, ""));
    }

    @Test
    void onlyARunningOrPublishingExecutionCompletes() {
        RunOutput out = new RunOutput("hi\n", false, "", false, 0, "");
        assertEquals(Completed, in(Running).completed(SpecConfig.of(""), out).state());
        assertEquals(out, in(Publishing).completed(SpecConfig.of(""), out).output());
        assertNull(in(BidAccepted).completed(SpecConfig.of(""), out));
        assertNull(in(Cancelled).completed(SpecConfig.of(""), out), "a cancelled run that ends stays cancelled");
    }

    @Test
    void theStoredFormKeepsTheState() {
        LocalExecution running = in(BidAccepted).to(Running, "");
        assertEquals(running, Json.read(Json.write(running), LocalExecution.class));
    }
}
