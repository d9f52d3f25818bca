package io.bacalao.payara;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * System properties that make a node's Artemis clients (its outbound client and its resource adapter) use the
 * broker link's trust. Needed because Payara Micro always sets {@code javax.net.ssl.keyStore}/{@code trustStore}
 * to its own stores, and Artemis' connector prefers those system properties to the URL's {@code trustStorePath};
 * only its own {@code org.apache.activemq.ssl.*} properties rank higher. The key store is the trust file too (it
 * holds no key, so the client offers no certificate; the broker asks for none): otherwise Artemis would open
 * Payara's key store without its password and fail.
 */
public final class ClientTls {
    static final String PREFIX = "org.apache.activemq.ssl.";

    private ClientTls() {
    }

    /**
     * Nothing for a plain link; the link's PEM trust file for a TLS link that names one; the JDK's own CA
     * certificates ({@code <javaHome>/lib/security/cacerts}) for a TLS link that trusts "the JVM's defaults".
     */
    public static Map<String, String> systemProperties(BrokerAddress broker, Path javaHome) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!broker.tls()) return p;
        String trust = broker.params().get("trustStorePath");
        String type = broker.params().getOrDefault("trustStoreType", "PEM");
        if (trust == null || trust.isBlank()) {
            trust = javaHome.resolve("lib").resolve("security").resolve("cacerts").toString();
            type = "PKCS12";
        }
        for (String store : new String[]{"trustStore", "keyStore"}) {
            p.put(PREFIX + store, trust);
            p.put(PREFIX + store + "Type", type);
        }
        return p;
    }
}
