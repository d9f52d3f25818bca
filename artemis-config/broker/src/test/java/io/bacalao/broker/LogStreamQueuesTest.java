package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log stream's queue goes once its reader has left, with the chunks the node sent after that, while a stream
 * that is still read stays: a real embedded broker, with the clean-up's timings shortened.
 */
class LogStreamQueuesTest {
    static final String TOKEN = "join-token";
    static final String ORCHESTRATOR_PASSWORD = "o".repeat(64);
    @TempDir
    Path dir;

    @Test
    void anAbandonedStreamsQueueGoesWithWhatItHoldsAndAReadOneStays() throws Exception {
        int port = EmbeddedBrokerTlsTest.freePort();
        try (EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir, TOKEN,
                ORCHESTRATOR_PASSWORD, false, 3, null)).withQueueCleanUp(100, 500).start()) {
            String url = "tcp://127.0.0.1:" + port + "?initialConnectAttempts=1&reconnectAttempts=0";
            String abandoned = Addresses.logQueue("n-a.s1");
            String read = Addresses.logQueue("n-a.s2");
            try (Connection orchestrator = new ActiveMQConnectionFactory(url)
                    .createConnection(TokenSecurityManager.ORCHESTRATOR_USER, ORCHESTRATOR_PASSWORD);
                 Connection node = new ActiveMQConnectionFactory(url).createConnection("n-a", TOKEN + ":" + "a".repeat(64))) {
                orchestrator.start();
                Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Session n = node.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer leaving = o.createConsumer(o.createQueue(abandoned));
                MessageConsumer staying = o.createConsumer(o.createQueue(read));
                MessageProducer toAbandoned = n.createProducer(n.createQueue(abandoned));
                toAbandoned.send(n.createTextMessage("chunk 1"));
                assertEquals("chunk 1", ((TextMessage) leaving.receive(10_000)).getText());

                leaving.close();
                // the node has not heard yet that its reader left
                toAbandoned.send(n.createTextMessage("chunk 2"));
                toAbandoned.send(n.createTextMessage("chunk 3"));

                awaitGone(broker, abandoned);
                assertNotNull(broker.server().locateQueue(SimpleString.of(read)), "the stream still read keeps its queue");
                n.createProducer(n.createQueue(read)).send(n.createTextMessage("still read"));
                assertEquals("still read", ((TextMessage) staying.receive(10_000)).getText());
            }
        }
    }

    private static void awaitGone(EmbeddedBroker broker, String queue) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (broker.server().locateQueue(SimpleString.of(queue)) == null
                    && broker.server().getPostOffice().getAddressInfo(SimpleString.of(queue)) == null) return;
            Thread.sleep(50);
        }
        assertTrue(false, queue + " and its address are still there after its reader left");
    }
}
