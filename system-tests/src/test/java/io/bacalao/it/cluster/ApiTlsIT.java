package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.broker.TestCertificates;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.signing.UrlSigner;
import io.bacalao.domain.spec.Json;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.TestCluster;
import io.bacalao.payara.NodeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator's API over TLS with a CA and server certificate the test makes (openssl, PEM files):
 * plain HTTP on the API port gets no answer, the CLI works with {@code --cacert} or {@code --insecure} and says
 * {@code Error: …} for an untrusted certificate; the logs websocket and the results route work over TLS; the local
 * publisher's signed result URLs download while valid and are 403 when expired, altered or unsigned, and
 * {@code job get} still downloads them.
 */
class ApiTlsIT {
    static TestCluster cluster;
    static TestCertificates certs;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("api-tls-certs");
        certs = TestCertificates.create(root);
        cluster = TestCluster.create("api-tls", Map.of(ConfigKeys.API_TLS_CERT_FILE, certs.serverCert().toString(),
                ConfigKeys.API_TLS_KEY_FILE, certs.serverKey().toString()));
        // two nodes booting at once on the shared 2-core machine were seen to need more than TestCluster.READY
        cluster.nodes().start(1);
        cluster.nodes().awaitReady(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    static Cli.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api-port", String.valueOf(cluster.apiPort())));
        return Cli.runRaw(all.toArray(String[]::new));
    }

    @Test
    void plainHttpOnTheApiPortGetsNoAnswer() {
        URI uri = URI.create("http://127.0.0.1:" + cluster.apiPort() + "/api/v1/agent/alive");
        assertThrows(IOException.class, () -> {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(10000);
            c.getResponseCode();
        });
    }

    @Test
    void theCliTrustsTheCaGivenOrSkipsTheCheckAndOtherwiseSaysError() {
        String nodeId = cluster.orchestrator().spec().nodeId();
        Cli.Result trusted = cli("node", "list", "--api-host", "https://127.0.0.1", "--cacert", certs.caCert().toString());
        assertEquals(0, trusted.exitCode(), trusted.all());
        assertTrue(trusted.out().contains(nodeId), trusted.out());
        Cli.Result tlsFlag = cli("node", "list", "--api-host", "localhost", "--tls", "-c", "API.TLS.CAFile=" + certs.caCert());
        assertEquals(0, tlsFlag.exitCode(), tlsFlag.all());
        Cli.Result insecure = cli("node", "list", "--api-host", "127.0.0.1", "--insecure");
        assertEquals(0, insecure.exitCode(), insecure.all());

        Cli.Result untrusted = cli("node", "list", "--api-host", "https://127.0.0.1");
        assertEquals(1, untrusted.exitCode(), untrusted.all());
        assertTrue(untrusted.err().startsWith("Error: the orchestrator at https://127.0.0.1:" + cluster.apiPort()
                + " presented a TLS certificate this client does not trust"), untrusted.err());
        Cli.Result plain = cli("node", "list", "--api-host", "127.0.0.1");
        assertEquals(1, plain.exitCode(), plain.all());
        assertTrue(plain.err().contains("use --tls or an https:// --api-host"), plain.err());
    }

    @Test
    void signedResultUrlsDownloadWhileValidAndAre403OtherwiseAndJobGetStillWorks() throws Exception {
        Path spec = Files.writeString(tmp.resolve("job.json"), "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\","
                + "\"Engine\":{\"Type\":\"noop\"},\"Publisher\":{\"Type\":\"local\"}}]}");
        String ca = certs.caCert().toString();
        Cli.Result run = cli("job", "run", "--id-only", "--wait", spec.toString(), "--api-host", "https://127.0.0.1", "--cacert", ca);
        assertEquals(0, run.exitCode(), run.all());
        String id = run.out().trim();

        // the logs websocket over TLS: a noop run has no output, the stream opens and closes without an error
        Cli.Result logs = cli("job", "logs", id, "--api-host", "https://127.0.0.1", "--cacert", ca);
        assertEquals(0, logs.exitCode(), logs.all());

        JsonNode results = Json.mapper().readTree(https("/api/v1/orchestrator/jobs/" + id + "/results"));
        String url = results.path("Items").get(0).path("Params").path("URL").asText();
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/[^/?]+\\.tar\\.gz\\?expires=\\d+&signature=[A-Za-z0-9_-]+"), url);
        Answer valid = fetch(url);
        assertEquals(200, valid.status(), valid.body());

        String unsigned = url.substring(0, url.indexOf('?'));
        Answer none = fetch(unsigned);
        assertEquals(403, none.status());
        assertTrue(none.body().contains("carries no signature"), none.body());

        char last = url.charAt(url.length() - 1);
        Answer tampered = fetch(url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A'));
        assertEquals(403, tampered.status());
        assertTrue(tampered.body().contains("signature does not match"), tampered.body());
        long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
        Answer later = fetch(url.replace("expires=" + expires, "expires=" + (expires + 86_400)));
        assertEquals(403, later.status(), "a later expiry breaks the signature");

        // correctly signed by this node's key, but already past its expiry
        NodeProcess compute = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        byte[] key = HexFormat.of().parseHex(Files.readString(compute.spec().dataDir().resolve("compute").resolve("result-url-key")).trim());
        String path = URI.create(unsigned).getPath();
        String past = new UrlSigner(key, Clock.systemUTC()).query(path, Instant.now().minusSeconds(60));
        Answer expired = fetch(unsigned + "?" + past);
        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("has expired"), expired.body());
        String future = new UrlSigner(key, Clock.systemUTC()).query(path, Instant.now().plusSeconds(60));
        assertEquals(200, fetch(unsigned + "?" + future).status(), "the same key signing a future expiry is valid");

        Path out = tmp.resolve("get-" + id);
        Cli.Result get = cli("job", "get", id, "--output-dir", out.toString(), "--api-host", "https://127.0.0.1", "--cacert", ca);
        assertEquals(0, get.exitCode(), get.all());
        assertTrue(Files.isRegularFile(out.resolve("exitCode")), get.all() + " " + list(out));
    }

    private static String list(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.map(Path::toString).toList().toString();
        }
    }

    record Answer(int status, String body) {
    }

    private static Answer fetch(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        } finally {
            c.disconnect();
        }
    }

    /** A GET of the API over TLS, trusting the test CA. */
    private static String https(String path) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certs.caCert())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpsURLConnection c = (HttpsURLConnection) URI.create("https://127.0.0.1:" + cluster.apiPort() + path).toURL().openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
