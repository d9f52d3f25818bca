package io.bacalao.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.bacalao.cli.CliRun;
import io.bacalao.payara.tls.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a TLS responder whose certificate keytool made here (not in the JDK's trust store): refused
 * with a clear error unless trusted with --cacert (or -c API.TLS.CAFile) or skipped with --insecure.
 */
class TlsClientTest {
    @TempDir
    static Path dir;
    static HttpsServer server;
    static String caFile;

    @BeforeAll
    static void start() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.readOrCreate(dir.resolve("tls"), "127.0.0.1",
                Path.of(System.getProperty("java.home")));
        caFile = dir.resolve("tls").resolve(SelfSignedCertificate.CERT).toString();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", cert.key(), "pw".toCharArray(), new Certificate[]{cert.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/api/v1/agent/alive", exchange -> {
            byte[] body = "{\"Status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static CliRun alive(String host, String... flags) {
        String[] args = new String[4 + flags.length];
        args[0] = "agent";
        args[1] = "alive";
        args[2] = "--api-host";
        args[3] = host;
        System.arraycopy(flags, 0, args, 4, flags.length);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--api-port", String.valueOf(server.getAddress().getPort()))).toArray(String[]::new);
        return CliRun.of(all);
    }

    @Test
    void anUntrustedCertificateIsAClearError() {
        CliRun r = alive("https://127.0.0.1");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("Error: the orchestrator at https://127.0.0.1:" + server.getAddress().getPort()
                + " presented a TLS certificate this client does not trust"), r.err());
        assertTrue(r.err().contains("Hint: trust its CA with --cacert FILE"), r.err());
    }

    @Test
    void theCaFileOrInsecureLetsTheCommandThrough() {
        for (CliRun r : new CliRun[]{alive("127.0.0.1", "--cacert", caFile), alive("https://127.0.0.1", "--cacert", caFile),
                alive("127.0.0.1", "--tls", "--insecure"), alive("localhost", "--insecure"),
                alive("127.0.0.1", "-c", "API.TLS.UseTLS", "-c", "API.TLS.CAFile=" + caFile)}) {
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("OK"), r.out());
        }
    }

    @Test
    void plainHttpToATlsPortHintsAtTls() {
        CliRun r = alive("127.0.0.1");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("Hint: if its API uses TLS, use --tls or an https:// --api-host"), r.err());
    }

    @Test
    void aMissingOrEmptyCaFileIsAClearError() throws Exception {
        CliRun missing = alive("127.0.0.1", "--cacert", dir.resolve("absent.pem").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("Error: the CA file " + dir.resolve("absent.pem") + " does not exist"), missing.err());
        Path empty = java.nio.file.Files.writeString(dir.resolve("empty.pem"), "");
        CliRun none = alive("127.0.0.1", "--cacert", empty.toString());
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("Error: the CA file " + empty + " holds no PEM certificate"), none.err());
    }
}
