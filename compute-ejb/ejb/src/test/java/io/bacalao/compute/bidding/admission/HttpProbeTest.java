package io.bacalao.compute.bidding.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.testing.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ProbeHTTP against a real HTTP server on 127.0.0.1: the status, a JSON verdict, and every way a probe can fail. */
class HttpProbeTest {
    private LoopbackHttpServer server;
    private HttpClient client;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String answer = "{\"ShouldBid\":true}";

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackHttpServer();
        server.serve("/probe", ex -> {
            received.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.serve("/slow", ex -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private String url(String path) {
        return server.url(path);
    }

    private Optional<String> probe(String path) {
        return new HttpProbe(url(path), Duration.ofSeconds(10), client).refusal(Jobs.noop());
    }

    @Test
    void theJobIsPostedAsJsonAndAYesBids() {
        assertEquals(Optional.empty(), probe("/probe"));
        assertEquals(1, received.size());
        assertTrue(received.get(0).startsWith("POST application/json {\"Job\":{"), received.get(0));
        assertTrue(received.get(0).contains("\"ID\":\"j-1\""), received.get(0));
    }

    @Test
    void aNoIsRefusedWithTheProbesReasonVerbatim() {
        answer = "{\"shouldBid\":false,\"Reason\":\"this node does not take jobs from j-1 today\"}";
        assertEquals(Optional.of("this node does not take jobs from j-1 today"), probe("/probe"));
    }

    @Test
    void anErrorStatusRefuses() {
        status = 403;
        answer = "{\"ShouldBid\":true}";
        assertEquals(Optional.of("this node does not accept jobs where url \"" + url("/probe")
                + "\" returns HTTP status code 403"), probe("/probe"));
    }

    @Test
    void aSuccessThatIsNotJsonBids() {
        contentType = "text/plain";
        answer = "whatever";
        assertEquals(Optional.empty(), probe("/probe"));
    }

    @Test
    void invalidJsonRefuses() {
        answer = "{\"ShouldBid\":";
        assertTrue(probe("/probe").orElseThrow().startsWith("this node does not accept jobs while url \"" + url("/probe")
                + "\" answers invalid JSON"));
        answer = "{\"Reason\":\"no verdict\"}";
        assertEquals(Optional.of("this node does not accept jobs while url \"" + url("/probe")
                + "\" answers without a boolean ShouldBid"), probe("/probe"));
    }

    @Test
    void anAnswerOverTheLimitRefuses() {
        answer = "{\"ShouldBid\":true,\"Reason\":\"" + "x".repeat(HttpProbe.MAX_ANSWER) + "\"}";
        assertEquals(Optional.of("this node does not accept jobs while url \"" + url("/probe") + "\" answers more than "
                + HttpProbe.MAX_ANSWER + " bytes"), probe("/probe"));
    }

    @Test
    void aSlowProbeRefusesAtTheTimeout() {
        Optional<String> r = new HttpProbe(url("/slow"), Duration.ofMillis(500), client).refusal(Jobs.noop());
        assertEquals(Optional.of("this node does not accept jobs while url \"" + url("/slow")
                + "\" does not answer within 500ms"), r);
    }

    @Test
    void anUnreachableProbeRefuses() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + port + "/probe";
        String r = new HttpProbe(dead, Duration.ofSeconds(5), client).refusal(Jobs.noop()).orElseThrow();
        assertTrue(r.startsWith("this node does not accept jobs while url \"" + dead + "\" cannot be reached: "), r);
    }

    @Test
    void noUrlMeansNoProbe() {
        assertEquals(Optional.empty(), new HttpProbe("", Duration.ofSeconds(1), client).refusal(Jobs.noop()));
    }
}
