package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker with TLS from PEM files: TLS clients that trust the CA get in, plain ones do not. */
class EmbeddedBrokerTlsTest {
    static final String TOKEN = "tls-token";
    @TempDir
    static Path dir;
    static TestCertificates certs;
    static EmbeddedBroker broker;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.create(dir.resolve("certs"));
        port = freePort();
        broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), TOKEN, "o".repeat(64), false, 3,
                BrokerTls.of(certs.serverCert().toString(), certs.serverKey().toString(), certs.caCert().toString())))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) broker.close();
    }

    static final String NODE_PASSWORD = TOKEN + ":" + "1".repeat(64);

    @Test
    void aClientTrustingTheCaAndVerifyingTheHostSendsAndReceivesOverTls() throws Exception {
        String url = "tcp://127.0.0.1:" + port + "?sslEnabled=true&verifyHost=true&trustStoreType=PEM&trustStorePath=" + certs.caCert();
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection("n-1", NODE_PASSWORD)) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(Addresses.computeQueue("n-1")));
            try (Connection o = new ActiveMQConnectionFactory(url).createConnection(TokenSecurityManager.ORCHESTRATOR_USER, "o".repeat(64))) {
                Session os = o.createSession(false, Session.AUTO_ACKNOWLEDGE);
                os.createProducer(os.createQueue(Addresses.computeQueue("n-1"))).send(os.createTextMessage("over tls"));
            }
            assertEquals("over tls", ((TextMessage) consumer.receive(10_000)).getText());
        }
    }

    @Test
    void aClientVerifyingTheHostRefusesACertificateForAnotherHost() throws Exception {
        TestCertificates elsewhere = TestCertificates.create(dir.resolve("elsewhere"), "DNS:elsewhere.example");
        int otherPort = freePort();
        try (EmbeddedBroker other = new EmbeddedBroker(new BrokerSettings("127.0.0.1", otherPort, dir.resolve("other"), TOKEN,
                "o".repeat(64), false, 3, BrokerTls.of(elsewhere.serverCert().toString(), elsewhere.serverKey().toString(),
                elsewhere.caCert().toString()))).start()) {
            String url = "tcp://127.0.0.1:" + otherPort + "?sslEnabled=true&trustStoreType=PEM&trustStorePath="
                    + elsewhere.caCert() + "&initialConnectAttempts=1&reconnectAttempts=0&callTimeout=3000&verifyHost=";
            assertThrows(JMSException.class, () -> {
                try (Connection c = new ActiveMQConnectionFactory(url + "true").createConnection("n-1", NODE_PASSWORD)) {
                    c.start();
                }
            });
            try (Connection c = new ActiveMQConnectionFactory(url + "false").createConnection("n-1", NODE_PASSWORD)) {
                c.start(); // the same CA is trusted: only the host name check refused it
            }
        }
    }

    @Test
    void aPlainClientIsRefused() {
        String url = "tcp://127.0.0.1:" + port + "?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=3000";
        assertThrows(JMSException.class, () -> {
            try (Connection c = new ActiveMQConnectionFactory(url).createConnection("n-1", NODE_PASSWORD)) {
                c.start();
            }
        });
    }

    @Test
    void aTlsClientWithTheWrongTokenIsRefused() {
        String url = "tcp://127.0.0.1:" + port + "?sslEnabled=true&trustStoreType=PEM&trustStorePath=" + certs.caCert();
        assertThrows(JMSSecurityException.class, () -> {
            try (Connection c = new ActiveMQConnectionFactory(url).createConnection("n-1", "wrong:" + "1".repeat(64))) {
                c.start();
            }
        });
    }

    @Test
    void theKeyStoreHoldsKeyThenChainAndOnlyItsOwnerReadsIt() throws Exception {
        Path ks = broker.acceptorUrl().replaceAll(".*keyStorePath=", "").transform(Path::of);
        String pem = Files.readString(ks);
        assertTrue(pem.indexOf("PRIVATE KEY") < pem.indexOf("BEGIN CERTIFICATE"), pem);
        assertEquals(2, pem.split("BEGIN CERTIFICATE").length - 1);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ks)));
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
