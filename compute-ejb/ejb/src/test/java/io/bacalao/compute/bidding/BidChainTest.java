package io.bacalao.compute.bidding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.compute.bidding.admission.BidStrategy;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every strategy is asked; each refusal is prefixed "rejected bid: " and they are joined with "; ". */
class BidChainTest {
    private static final Job JOB = new Job("j-1", "j-1", "default", "batch", 0, 1, null, null, null,
            List.of(Task.of("main", SpecConfig.of("noop"))), null, 1, 1, 0, 0);

    @Test
    void noRefusalMeansABid() {
        assertEquals(BidDecision.accept(), new BidChain(List.of(j -> Optional.empty())).decide(JOB));
    }

    @Test
    void allRefusalsAreCollectedInOrder() {
        AtomicInteger asked = new AtomicInteger();
        BidStrategy no1 = j -> {
            asked.incrementAndGet();
            return Optional.of("this node does not run jobs that require network access");
        };
        BidStrategy yes = j -> {
            asked.incrementAndGet();
            return Optional.empty();
        };
        BidStrategy no2 = j -> {
            asked.incrementAndGet();
            return Optional.of("this node does not accept jobs without any input volumes");
        };
        assertEquals(new BidDecision(false, "rejected bid: this node does not run jobs that require network access;"
                + " rejected bid: this node does not accept jobs without any input volumes"),
                new BidChain(List.of(no1, yes, no2)).decide(JOB));
        assertEquals(3, asked.get());
    }
}
