package io.bacalao.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.spec.Json;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How each state enumeration is written and read (reference §3.1). */
class StateTypesJsonTest {

    @ParameterizedTest(name = "job state {0} reads as {1}")
    @CsvSource({
            "'\"running\"',   Running",
            "'\"RUNNING\"',   Running",
            "'\"Completed\"', Completed",
            "'\" queued \"',  Queued",
            "3,               Running",
            "0,               Undefined",
            "6,               Stopped",
    })
    void jobStateReadsNamesInAnyCaseAndNumbers(String value, JobStateType expected) {
        JobState state = Json.read("{\"StateType\":" + value + "}", JobState.class);

        assertEquals(expected, state.stateType());
    }

    @ParameterizedTest(name = "job state {0} is refused")
    @ValueSource(strings = {"\"bogus\"", "7", "-1"})
    void unknownJobStatesAreRefused(String value) {
        assertThrows(UncheckedIOException.class, () -> Json.read("{\"StateType\":" + value + "}", JobState.class));
    }

    @Test
    void jobStateIsWrittenAsItsName() {
        assertEquals("{\"StateType\":\"Running\"}", Json.write(JobState.of(JobStateType.Running)));
        assertEquals("{\"StateType\":\"Failed\",\"Message\":\"Job timed out\"}",
                Json.write(JobState.of(JobStateType.Failed, "Job timed out")));
    }

    @ParameterizedTest(name = "compute state {0} is written as its number")
    @EnumSource(ExecutionStateType.class)
    void computeStateIsWrittenAsItsNumber(ExecutionStateType type) {
        String json = Json.write(ComputeState.of(type));

        assertEquals("{\"StateType\":" + type.ordinal() + "}", json);
        assertEquals(type, Json.read(json, ComputeState.class).stateType());
    }

    @ParameterizedTest(name = "desired state {0} is written as its number")
    @EnumSource(DesiredStateType.class)
    void desiredStateIsWrittenAsItsNumber(DesiredStateType type) {
        String json = Json.write(DesiredState.of(type, ""));

        assertEquals("{\"StateType\":" + type.ordinal() + "}", json);
        assertEquals(type, Json.read(json, DesiredState.class).stateType());
    }

    @Test
    void executionStateNumbersAreBacalhaus() {
        assertEquals(9, ExecutionStateType.Completed.json());
        assertEquals(3, ExecutionStateType.AskForBidAccepted.json());
        assertEquals(11, ExecutionStateType.Cancelled.json());
        assertEquals(2, DesiredStateType.Stopped.json());
    }

    @Test
    void executionStatesAlsoReadByName() {
        assertEquals(ExecutionStateType.Running,
                Json.read("{\"StateType\":\"running\"}", ComputeState.class).stateType());
    }
}
