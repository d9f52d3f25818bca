package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Artemis' own SSL system properties, which outrank the ones Payara Micro sets to its stores. */
class ClientTlsTest {
    static final Path JDK = Path.of("/opt/jdk");

    @Test
    void aPlainLinkNeedsNone() {
        assertTrue(ClientTls.systemProperties(BrokerAddress.parse("127.0.0.1:4222", ""), JDK).isEmpty());
    }

    @Test
    void aTlsLinkTrustsItsPemFileAndOffersNoKey() {
        Map<String, String> p = ClientTls.systemProperties(BrokerAddress.parse("127.0.0.1:4222", "").withTls("/c/ca.pem"), JDK);
        assertEquals(Map.of("org.apache.activemq.ssl.trustStore", "/c/ca.pem", "org.apache.activemq.ssl.trustStoreType", "PEM",
                "org.apache.activemq.ssl.keyStore", "/c/ca.pem", "org.apache.activemq.ssl.keyStoreType", "PEM"), p);
    }

    @Test
    void aTlsLinkWithoutATrustFileTrustsTheJdksCertificates() {
        Map<String, String> p = ClientTls.systemProperties(BrokerAddress.parse("127.0.0.1:4222", "").withTls(""), JDK);
        assertEquals("/opt/jdk/lib/security/cacerts", p.get("org.apache.activemq.ssl.trustStore"));
        assertEquals("PKCS12", p.get("org.apache.activemq.ssl.trustStoreType"));
    }
}
