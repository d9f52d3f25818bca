package io.bacalao.payara.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's TLS set-up with certificates made here by keytool (the JDK), as a node start makes them. */
class ApiTlsTest {
    static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    @TempDir
    Path dir;

    @Test
    void settingsProblemsAreWordedAsBacalhauWordsThem() {
        assertEquals(Optional.empty(), ApiTls.problem(Map.of()));
        assertEquals(Optional.of("invalid config: TLS cert specified without corresponding private key"),
                ApiTls.problem(Map.of(ApiTls.CERT_FILE, "/c.pem")));
        assertEquals(Optional.of("invalid config: private key specified without corresponding TLS certificate"),
                ApiTls.problem(Map.of(ApiTls.KEY_FILE, "/k.pem")));
        assertTrue(ApiTls.problem(Map.of(ApiTls.AUTO_CERT, "example.com")).orElseThrow().contains("not supported"));
        assertFalse(ApiTls.wanted(Map.of(ApiTls.SELF_SIGNED, "false", ApiTls.CERT_FILE, "")));
        assertTrue(ApiTls.wanted(Map.of(ApiTls.SELF_SIGNED, "true")));
    }

    @Test
    void aSelfSignedCertificateIsMadeOnceKeptPrivateAndServed() throws Exception {
        ApiTls first = ApiTls.prepare(Map.of(ApiTls.SELF_SIGNED, "true"), dir, "127.0.0.1", JAVA_HOME);
        Path store = dir.resolve("api-tls").resolve(SelfSignedCertificate.STORE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.keyStore())));
        X509Certificate cert = first.chain().get(0);
        assertTrue(cert.getSubjectAlternativeNames().toString().contains("127.0.0.1"), cert.getSubjectAlternativeNames().toString());
        // the PEM copy is what clients pass with --cacert
        assertEquals(cert, PemReader.certificates(dir.resolve("api-tls").resolve(SelfSignedCertificate.CERT)).get(0));
        ApiTls again = ApiTls.prepare(Map.of(ApiTls.SELF_SIGNED, "true"), dir, "127.0.0.1", JAVA_HOME);
        assertEquals(cert, again.chain().get(0));
        KeyStore served = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(first.keyStore())) {
            served.load(in, ApiTls.STORE_PASSWORD);
        }
        assertTrue(served.isKeyEntry(ApiTls.ALIAS));
        assertTrue(first.jvmOptions().contains("-Djavax.net.ssl.keyStore=" + first.keyStore().toAbsolutePath()));
    }

    @Test
    void aPemCertificateAndItsKeyAreServedAndAnotherKeyIsRefused() throws Exception {
        Path tls = dir.resolve("api-tls");
        SelfSignedCertificate made = SelfSignedCertificate.readOrCreate(tls, "localhost", JAVA_HOME);
        Path cert = tls.resolve(SelfSignedCertificate.CERT);
        Path key = dir.resolve("key.pem");
        Files.writeString(key, PemReaderTest.pem("RSA PRIVATE KEY", PemReaderTest.innerKey(made.key().getEncoded())));
        Map<String, String> config = Map.of(ApiTls.CERT_FILE, cert.toString(), ApiTls.KEY_FILE, key.toString());
        ApiTls served = ApiTls.prepare(config, dir.resolve("node"), "127.0.0.1", JAVA_HOME);
        assertEquals(made.certificate(), served.chain().get(0));

        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path other = dir.resolve("other.pem");
        Files.writeString(other, PemReaderTest.pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded()));
        var e = assertThrows(ApiTls.SetupException.class, () -> ApiTls.prepare(
                Map.of(ApiTls.CERT_FILE, cert.toString(), ApiTls.KEY_FILE, other.toString()), dir.resolve("n2"), "h", JAVA_HOME));
        assertTrue(e.getMessage().contains("other.pem is not the private key of the certificate in"), e.getMessage());
    }

    @Test
    void theApiListenerTakesTheTlsProtocolWithThePlainProtocolsSettings() {
        String plain = "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.timeout-seconds=30";
        List<String> c = ApiTls.preBootCommands(List.of(plain, "set something.else=1"));
        assertEquals(List.of(plain.replace("protocol.http-listener.", "protocol.https-listener."),
                "set configs.config.server-config.network-config.protocols.protocol.https-listener.ssl.cert-nickname=bacalao-api",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.protocol=https-listener"), c);
    }
}
