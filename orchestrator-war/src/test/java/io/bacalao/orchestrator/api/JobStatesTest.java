package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.JobStateType;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobStatesTest {

    @Test
    void absentOrEmptyKeepsEveryState() {
        assertEquals(EnumSet.noneOf(JobStateType.class), JobStates.parse(null));
        assertEquals(EnumSet.noneOf(JobStateType.class), JobStates.parse(List.of("", " , ")));
    }

    @Test
    void namesInAnyCaseCommaSeparatedOrRepeated() {
        assertEquals(EnumSet.of(JobStateType.Running, JobStateType.Queued, JobStateType.Failed),
                JobStates.parse(List.of("running, QUEUED", "Failed")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Done", "Undefined", "1", "running;queued"})
    void anUnknownNameIsRefusedWithTheNames(String value) {
        BadParameterException e = assertThrows(BadParameterException.class, () -> JobStates.parse(List.of(value)));
        assertTrue(e.getMessage().startsWith("invalid state: "), e.getMessage());
        assertTrue(e.getMessage().contains("[Pending, Queued, Running, Completed, Failed, Stopped]"), e.getMessage());
    }
}
