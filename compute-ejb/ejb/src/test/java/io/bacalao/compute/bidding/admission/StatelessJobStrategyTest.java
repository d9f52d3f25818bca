package io.bacalao.compute.bidding.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RejectStatelessJobs refuses jobs without input sources. */
class StatelessJobStrategyTest {
    @Test
    void aJobWithoutInputsIsRefusedWhenConfigured() {
        assertEquals(Optional.of("this node does not accept jobs without any input volumes"),
                new StatelessJobStrategy(true).refusal(Jobs.noop()));
    }

    @Test
    void aJobWithInputsPasses() {
        assertEquals(Optional.empty(), new StatelessJobStrategy(true).refusal(Jobs.withInputs(Jobs.input("inline", "/in"))));
    }

    @Test
    void byDefaultStatelessJobsPass() {
        assertEquals(Optional.empty(), new StatelessJobStrategy(false).refusal(Jobs.noop()));
    }
}
