package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluations queue keeps a bounded table of message groups, also when its bindings were stored before. */
class EvaluationQueueTest {
    @TempDir
    Path dir;

    @Test
    void messageGroupsOfTheEvaluationsQueueAreBucketed() throws Exception {
        for (int start = 0; start < 2; start++) {
            try (EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1",
                    EmbeddedBrokerTlsTest.freePort(), dir, "t", "o".repeat(64), false, 3, null)).start()) {
                Queue q = broker.server().locateQueue(SimpleString.of(Addresses.EVALUATIONS));
                assertNotNull(q, "no evaluations queue");
                assertEquals(EmbeddedBroker.EVALUATION_GROUP_BUCKETS, q.getGroupBuckets(), "start " + (start + 1));
            }
        }
    }
}
