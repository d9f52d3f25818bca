package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher against a loopback server that answers the job listing as the orchestrator pages it (newest created
 * first, a next token while more remain), so that the order of creation and the order of watching can differ.
 */
class CompletionWatcherTest {
    /** Job IDs, oldest created first, and each job's state. */
    private final List<String> created = new ArrayList<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/orchestrator/jobs", exchange -> {
            byte[] body = page(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /**
     * Under load a submit can be answered long after jobs created later than it: the watcher then waits for a job
     * that many ended jobs, watched before it, were created after. It used to read only as many jobs as had been
     * watched since the oldest one waited for, plus 20, so it never read that job and B2 counted it "not ended".
     */
    @Test
    void aJobAnsweredAfterManyCreatedLaterIsStillSeenToEnd() throws Exception {
        create("j-early", "Running");
        for (int i = 0; i < 3 * CompletionWatcher.MARGIN; i++) create("j-later-" + i, "Completed");
        Map<String, String> ended = new ConcurrentHashMap<>();
        CountDownLatch allEnded = new CountDownLatch(created.size());
        try (CompletionWatcher watcher = new CompletionWatcher("http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofMillis(1), (id, state) -> {
                    ended.put(id, state);
                    allEnded.countDown();
                })) {
            for (String id : created.subList(1, created.size())) watcher.watch(id);
            watcher.watch("j-early");
            awaitUntil(() -> ended.size() == created.size() - 1);
            states.put("j-early", "Completed");
            assertTrue(allEnded.await(30, TimeUnit.SECONDS), "not seen to end: j-early");
        }
        assertEquals("Completed", ended.get("j-early"));
    }

    @Test
    void aPollStopsAtThePageThatHoldsEveryJobWaitedFor() throws Exception {
        for (int i = 0; i < 100; i++) create("j-" + i, "Completed");
        create("j-waited", "Running");
        for (int i = 100; i < 110; i++) create("j-" + i, "Completed");
        CountDownLatch ended = new CountDownLatch(1);
        try (CompletionWatcher watcher = new CompletionWatcher("http://127.0.0.1:" + server.getAddress().getPort(),
                Duration.ofMillis(1), (id, state) -> ended.countDown())) {
            watcher.watch("j-waited");
            int firstPage = 1 + CompletionWatcher.MARGIN;
            awaitUntil(() -> watcher.jobsRead() >= 3L * firstPage);
            assertEquals(0, watcher.jobsRead() % firstPage,
                    "each poll reads its first page only (" + firstPage + " jobs), read " + watcher.jobsRead());
            states.put("j-waited", "Completed");
            assertTrue(ended.await(30, TimeUnit.SECONDS));
        }
    }

    private void create(String id, String state) {
        created.add(id);
        states.put(id, state);
    }

    /** One page of the listing: {@code limit=N} starts at the newest job, {@code next_token=OFFSET:N} goes on. */
    private synchronized String page(String query) {
        int offset = 0;
        int limit = 100;
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals("limit")) limit = Integer.parseInt(p[1]);
            if (p[0].equals("next_token")) {
                String[] t = URLDecoder.decode(p[1], StandardCharsets.UTF_8).split(":");
                offset = Integer.parseInt(t[0]);
                limit = Integer.parseInt(t[1]);
            }
        }
        List<String> newestFirst = new ArrayList<>(created).reversed();
        int end = Math.min(newestFirst.size(), offset + limit);
        StringBuilder items = new StringBuilder();
        for (String id : newestFirst.subList(offset, end)) {
            if (!items.isEmpty()) items.append(',');
            items.append("{\"ID\":\"").append(id).append("\",\"State\":{\"StateType\":\"").append(states.get(id)).append("\"}}");
        }
        String next = end < newestFirst.size() ? end + ":" + limit : "";
        return "{\"Items\":[" + items + "],\"NextToken\":\"" + next + "\"}";
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 30 s");
            Thread.sleep(5);
        }
    }
}
