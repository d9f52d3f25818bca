package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.protocol.ProtocolCodec;
import io.bacalao.domain.protocol.ProtocolMessage;
import io.bacalao.domain.protocol.ShutdownNotice;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broker least privilege on a real cluster (docs/broker-security.md): a client that holds only the join token cannot
 * read or write another node's queue, cannot log in as a registered node, cannot speak for it in the orchestrator's
 * inbox; a second compute process that claims a registered node ID is refused; the real node keeps working.
 */
class BrokerSecurityIT {
    static final String TOKEN = "security-token";
    static final Duration SOON = Duration.ofSeconds(60);
    static TestCluster cluster;
    static NodeProcess real;
    static String brokerUrl;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("broker-security", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN)).start(1);
        real = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        brokerUrl = "tcp://127.0.0.1:" + cluster.base().get(ConfigKeys.ORCHESTRATOR_PORT)
                + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=10000";
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    static String newSecret() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static Connection login(String user, String password) throws JMSException {
        Connection c = new ActiveMQConnectionFactory(brokerUrl).createConnection(user, password);
        c.start();
        return c;
    }

    @Test
    void aClientWithTheJoinTokenCannotReadOrWriteAnotherNodesQueueNorManageTheBroker() throws Exception {
        String victimQueue = "bacalao.compute." + real.spec().nodeId();
        try (Connection intruder = login("n-intruder-1", TOKEN + ":" + newSecret())) {
            Session s = intruder.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s.createConsumer(s.createQueue(victimQueue)));
            Session s2 = intruder.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () ->
                    s2.createProducer(s2.createQueue(victimQueue)).send(s2.createTextMessage("{}")));
            Session s3 = intruder.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () -> s3.createConsumer(s3.createQueue("bacalao.evaluations")));
            Session s4 = intruder.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSSecurityException.class, () ->
                    s4.createProducer(s4.createQueue("activemq.management")).send(s4.createTextMessage("x")));
        }
        assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(brokerUrl).createConnection().close(),
                "no anonymous access");
        Api api = cluster.api();
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), SOON), "the real node keeps working");
    }

    @Test
    void aClientWithTheJoinTokenCannotLogInAsARegisteredNode() {
        assertThrows(JMSSecurityException.class, () -> login(real.spec().nodeId(), TOKEN + ":" + newSecret()).close());
    }

    @Test
    void aNodeCannotSpeakForAnotherNodeInTheOrchestratorsInbox() throws Exception {
        String victim = real.spec().nodeId();
        long from = Files.size(cluster.orchestrator().log());
        try (Connection intruder = login("n-intruder-2", TOKEN + ":" + newSecret())) {
            Session s = intruder.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ShutdownNotice forged = new ShutdownNotice(victim, "forged");
            TextMessage m = s.createTextMessage(ProtocolCodec.encode(forged));
            m.setStringProperty(ProtocolMessage.TYPE_PROPERTY, ProtocolCodec.typeOf(forged));
            s.createProducer(s.createQueue("bacalao.orchestrator")).send(m);
        }
        Waits.until("the orchestrator to drop the forged notice", SOON, () -> tail(cluster.orchestrator().log(), from)
                .contains("sent by broker user n-intruder-2: a node may speak only for itself"));
        assertEquals("CONNECTED", cluster.api().get("/api/v1/orchestrator/nodes/" + victim).json()
                .get("Node").get("Connection").asText());
    }

    @Test
    void aSecondProcessClaimingARegisteredNodeIdIsRefusedAndTheRealNodeKeepsWorking() throws Exception {
        Path impostorDir = cluster.root().resolve("compute-5");
        Files.createDirectories(impostorDir);
        Files.writeString(impostorDir.resolve("node-id"), real.spec().nodeId());
        NodeProcess impostor = cluster.startCompute(5, Map.of());
        try {
            Waits.until("the impostor's refusal in its log", Duration.ofSeconds(180), () -> tail(impostor.log(), 0)
                    .contains("or its node ID is bound to another node's secret"));
            assertFalse(tail(impostor.log(), 0).contains("joined the orchestrator"));
            Api api = cluster.api();
            assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), SOON));
            assertEquals("CONNECTED", api.get("/api/v1/orchestrator/nodes/" + real.spec().nodeId()).json()
                    .get("Node").get("Connection").asText());
        } finally {
            impostor.stop(Duration.ofSeconds(10));
        }
    }

    private static String tail(Path log, long from) {
        try {
            String all = Files.readString(log);
            return all.substring((int) Math.min(from, all.length()));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
