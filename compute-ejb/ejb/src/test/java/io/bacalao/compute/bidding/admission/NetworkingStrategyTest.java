package io.bacalao.compute.bidding.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RejectNetworkedJobs refuses every network type but None and Default, and turns Default into None. */
class NetworkingStrategyTest {
    private final NetworkingStrategy rejecting = new NetworkingStrategy(true);

    @Test
    void aNodeThatAllowsNetworkingTakesEveryType() {
        for (NetworkType t : NetworkType.values()) {
            assertEquals(Optional.empty(), new NetworkingStrategy(false).refusal(Jobs.withNetwork(t)), t.name());
        }
    }

    @Test
    void networkedJobsAreRefusedWithBacalhausReason() {
        for (NetworkType t : new NetworkType[] {NetworkType.Host, NetworkType.Full, NetworkType.HTTP, NetworkType.Bridge}) {
            assertEquals(Optional.of("this node does not run jobs that require network access"),
                    rejecting.refusal(Jobs.withNetwork(t)), t.name());
        }
    }

    @Test
    void noneAndDefaultPass() {
        assertEquals(Optional.empty(), rejecting.refusal(Jobs.withNetwork(NetworkType.None)));
        assertEquals(Optional.empty(), rejecting.refusal(Jobs.withNetwork(NetworkType.Default)));
    }

    @Test
    void theDefaultNetworkBecomesNoneOnlyWhereNetworkedJobsAreRejected() {
        Job job = Jobs.withNetwork(NetworkType.Default);
        assertEquals(NetworkType.None, NetworkingStrategy.withNodeDefault(job, true).task().network().type());
        assertSame(job, NetworkingStrategy.withNodeDefault(job, false));
        Job bridge = Jobs.withNetwork(NetworkType.Bridge);
        assertSame(bridge, NetworkingStrategy.withNodeDefault(bridge, true));
    }
}
