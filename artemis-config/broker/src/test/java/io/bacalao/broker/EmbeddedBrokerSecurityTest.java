package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Least privilege on a real embedded broker: a client holding the join token and node A's identity reaches only
 * A's queue, the orchestrator's inbox and A's log streams; it cannot read or write node B's queue, create queues,
 * manage the broker or take over B's node ID; anonymous connections are refused; the orchestrator may do all.
 */
class EmbeddedBrokerSecurityTest {
    static final String TOKEN = "join-token";
    static final String ORCHESTRATOR_PASSWORD = "o".repeat(64);
    static final String SECRET_A = "a".repeat(64);
    static final String SECRET_B = "b".repeat(64);
    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static String url;
    static String inProcessUrl;
    static Connection orchestrator;

    @BeforeAll
    static void start() throws Exception {
        int port = EmbeddedBrokerTlsTest.freePort();
        broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), TOKEN,
                ORCHESTRATOR_PASSWORD, false, 3, null)).start();
        url = "tcp://127.0.0.1:" + port + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=5000";
        inProcessUrl = "vm://" + port + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=5000";
        orchestrator = connect(TokenSecurityManager.ORCHESTRATOR_USER, ORCHESTRATOR_PASSWORD);
        // node B has joined: its queue exists and its ID is bound to its secret
        connect("n-b", TOKEN + ":" + SECRET_B).close();
        Session s = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createProducer(s.createQueue(Addresses.computeQueue("n-b"))).send(s.createTextMessage("for b only"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (orchestrator != null) orchestrator.close();
        if (broker != null) broker.close();
    }

    static Connection connect(String user, String password) throws JMSException {
        Connection c = user == null ? new ActiveMQConnectionFactory(url).createConnection()
                : new ActiveMQConnectionFactory(url).createConnection(user, password);
        c.start();
        return c;
    }

    @Test
    void nodeAConsumesItsOwnQueueAndSendsToTheInboxAsItself() throws Exception {
        try (Connection a = connect("n-a", TOKEN + ":" + SECRET_A)) {
            Session s = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer own = s.createConsumer(s.createQueue(Addresses.computeQueue("n-a")));
            Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
            o.createProducer(o.createQueue(Addresses.computeQueue("n-a"))).send(o.createTextMessage("ask for bid"));
            assertEquals("ask for bid", ((TextMessage) own.receive(10_000)).getText());

            MessageConsumer inbox = o.createConsumer(o.createQueue(Addresses.ORCHESTRATOR));
            s.createProducer(s.createQueue(Addresses.ORCHESTRATOR)).send(s.createTextMessage("heartbeat"));
            Message m = inbox.receive(10_000);
            assertNotNull(m);
            assertEquals("n-a", m.getStringProperty("_AMQ_VALIDATED_USER"), "the orchestrator sees who sent it");
            inbox.close();
        }
    }

    /**
     * The regression of an overload collapse: heartbeats queued behind thousands of reports reached the
     * orchestrator after its disconnect timeout, so live nodes were declared gone and their executions placed again.
     * On their own queue, a heartbeat sent after a backlog of reports is received first.
     */
    @Test
    void aHeartbeatOvertakesABacklogOfReports() throws Exception {
        try (Connection a = connect("n-a", TOKEN + ":" + SECRET_A)) {
            Session s = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var producer = s.createProducer(null);
            for (int i = 0; i < 2_000; i++) {
                producer.send(s.createQueue(Addresses.inboxOf("RunResult")), s.createTextMessage("report " + i));
            }
            producer.send(s.createQueue(Addresses.inboxOf("Heartbeat")), s.createTextMessage("heartbeat"));

            Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer liveness = o.createConsumer(o.createQueue(Addresses.LIVENESS));
            assertEquals("heartbeat", ((TextMessage) liveness.receive(10_000)).getText());
            MessageConsumer inbox = o.createConsumer(o.createQueue(Addresses.ORCHESTRATOR));
            for (int i = 0; i < 2_000; i++) {
                assertEquals("report " + i, ((TextMessage) inbox.receive(10_000)).getText(), "the reports wait, in order");
            }
            liveness.close();
            inbox.close();
        }
    }

    @Test
    void nodeACannotConsumeOrSendToNodeBsQueue() throws Exception {
        try (Connection a = connect("n-a", TOKEN + ":" + SECRET_A)) {
            Session s = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue(Addresses.computeQueue("n-b"))));
            Session s2 = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () ->
                    s2.createProducer(s2.createQueue(Addresses.computeQueue("n-b"))).send(s2.createTextMessage("fake bid accepted")));
            Session s3 = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s3.createConsumer(s3.createQueue(Addresses.ORCHESTRATOR)),
                    "nor read the orchestrator's inbox");
        }
        Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer b = o.createConsumer(o.createQueue(Addresses.computeQueue("n-b")));
        assertEquals("for b only", ((TextMessage) b.receive(10_000)).getText(), "B's message is still there");
        assertEquals(null, b.receive(500), "and nothing was added to B's queue");
        b.close();
    }

    @Test
    void nodeACannotCreateQueuesOrManageTheBroker() throws Exception {
        try (Connection a = connect("n-a", TOKEN + ":" + SECRET_A)) {
            Session s = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue("n-a.private")));
            Session s2 = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s2.createProducer(s2.createQueue("bacalao.compute.n-new"))
                    .send(s2.createTextMessage("x")));
            Session s3 = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s3.createProducer(s3.createQueue("activemq.management"))
                    .send(s3.createTextMessage("x")));
            Session s4 = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s4.createProducer(s4.createTopic(Addresses.NODE_RELEASE))
                    .send(s4.createTextMessage("")), "nor free another node's ID");
        }
    }

    @Test
    void aNewcomerWithTheJoinTokenCannotTakeOverARegisteredNodeId() {
        assertThrows(JMSSecurityException.class, () -> connect("n-b", TOKEN + ":" + "c".repeat(64)).close());
        assertThrows(JMSSecurityException.class, () -> connect("n-b", TOKEN).close(), "nor with the token alone");
        assertThrows(JMSSecurityException.class, () -> connect("n-b", TOKEN + ":").close());
    }

    @Test
    void anonymousAndWrongCredentialsAreRefused() {
        assertThrows(JMSSecurityException.class, () -> connect(null, null).close());
        assertThrows(JMSSecurityException.class, () -> connect("n-a", "").close());
        assertThrows(JMSSecurityException.class, () -> connect("n-a", "wrong:" + SECRET_A).close());
        assertThrows(JMSSecurityException.class, () -> connect("n-x", TOKEN + ":short").close());
        assertThrows(JMSSecurityException.class, () -> connect(TokenSecurityManager.ORCHESTRATOR_USER, TOKEN).close(),
                "the join token is not the orchestrator's password");
    }

    @Test
    void afterTheOrchestratorReleasesANodeIdItTakesANewSecret() throws Exception {
        String first = "d".repeat(64);
        String second = "e".repeat(64);
        connect("n-d", TOKEN + ":" + first).close();
        assertThrows(JMSSecurityException.class, () -> connect("n-d", TOKEN + ":" + second).close());
        Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message release = o.createTextMessage("");
        release.setStringProperty(Addresses.NODE_ID_PROPERTY, "n-d");
        o.createProducer(o.createTopic(Addresses.NODE_RELEASE)).send(release);
        String third = "f".repeat(64);
        connect("n-d", TOKEN + ":" + third).close();
        assertThrows(JMSSecurityException.class, () -> connect("n-d", TOKEN + ":" + first).close());
    }

    @Test
    void aNodeStreamsLogsOnlyToItsOwnStreams() throws Exception {
        Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer own = o.createConsumer(o.createQueue(Addresses.logQueue("n-a.s1")));
        MessageConsumer other = o.createConsumer(o.createQueue(Addresses.logQueue("n-b.s2")));
        try (Connection a = connect("n-a", TOKEN + ":" + SECRET_A)) {
            Session s = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue(Addresses.logQueue("n-a.s1"))).send(s.createTextMessage("line"));
            assertEquals("line", ((TextMessage) own.receive(10_000)).getText());
            Session s2 = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () ->
                    s2.createProducer(s2.createQueue(Addresses.logQueue("n-b.s2"))).send(s2.createTextMessage("forged")));
        }
        own.close();
        other.close();
    }

    @Test
    void anObserverWithTheJoinTokenOnlySubscribesToNodeEvents() throws Exception {
        try (Connection watcher = connect("observer:watcher", TOKEN)) {
            Session s = watcher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer events = s.createConsumer(s.createTopic(Addresses.NODE_EVENTS));
            Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
            o.createProducer(o.createTopic(Addresses.NODE_EVENTS)).send(o.createTextMessage("{\"NodeID\":\"n-a\"}"));
            assertEquals("{\"NodeID\":\"n-a\"}", ((TextMessage) events.receive(10_000)).getText());
            Session s2 = watcher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () ->
                    s2.createProducer(s2.createQueue(Addresses.ORCHESTRATOR)).send(s2.createTextMessage("x")));
            Session s3 = watcher.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s3.createConsumer(s3.createQueue(Addresses.computeQueue("n-b"))));
        }
        assertThrows(JMSSecurityException.class, () -> connect("watcher", TOKEN).close(), "a plain name is a node ID");
    }

    @Test
    void theOrchestratorReachesEveryQueue() throws Exception {
        Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
        o.createProducer(o.createQueue("bacalao.compute.n-z")).send(o.createTextMessage("hello z"));
        MessageConsumer c = o.createConsumer(o.createQueue("bacalao.compute.n-z"));
        assertTrue(c.receive(10_000) instanceof TextMessage);
        c.close();
    }

    @Test
    void theOrchestratorsOwnClientsReachItInProcessWithTheSameLogins() throws Exception {
        try (Connection local = new ActiveMQConnectionFactory(inProcessUrl)
                .createConnection(TokenSecurityManager.ORCHESTRATOR_USER, ORCHESTRATOR_PASSWORD)) {
            local.start();
            Session s = local.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(s.createQueue("bacalao.compute.n-local")).send(s.createTextMessage("in process"));
            Session o = orchestrator.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer c = o.createConsumer(o.createQueue("bacalao.compute.n-local"));
            assertEquals("in process", ((TextMessage) c.receive(10_000)).getText(), "the same broker as over TCP");
            c.close();
        }
        assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(inProcessUrl)
                .createConnection(TokenSecurityManager.ORCHESTRATOR_USER, TOKEN).close());
        assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(inProcessUrl).createConnection().close());
    }

    @Test
    void anEmptyTokenIsRefusedOnANetworkAddressUnlessAllowedAndStillNeedsNodeSecrets() throws Exception {
        BrokerSettings open = new BrokerSettings("0.0.0.0", 1, dir, "", ORCHESTRATOR_PASSWORD, false, 3, null);
        IllegalStateException e = assertThrows(IllegalStateException.class, open::check);
        assertTrue(e.getMessage().contains("Orchestrator.Auth.AllowEmptyToken"), e.getMessage());
        assertTrue(new BrokerSettings("0.0.0.0", 1, dir, "", ORCHESTRATOR_PASSWORD, true, 3, null).check()
                .contains("without Orchestrator.Auth.Token"));
        assertThrows(IllegalStateException.class, () -> new BrokerSettings("127.0.0.1", 1, dir, "t", "", false, 3, null).check());

        int port = EmbeddedBrokerTlsTest.freePort();
        try (EmbeddedBroker loopback = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("empty"), "",
                ORCHESTRATOR_PASSWORD, false, 3, null)).start()) {
            String u = "tcp://127.0.0.1:" + port + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=5000";
            assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(u).createConnection().close());
            assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(u).createConnection("n-a", "").close());
            assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(u).createConnection("", "").close());
            try (Connection a = new ActiveMQConnectionFactory(u).createConnection("n-a", ":" + SECRET_A)) {
                a.start();
                Session s = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
                assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue(Addresses.computeQueue("n-b"))));
            }
        }
    }
}
