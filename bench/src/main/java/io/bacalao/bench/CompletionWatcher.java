package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Learns when jobs end through the public API, reading only the jobs that can still be waited for: it lists jobs
 * newest-created first ({@code order_by=created_at&reverse=true}) until it has read every job it waits for. Creation
 * order never changes, so no end is missed; the order of modification would not do, because the orchestrator may
 * stamp a change with a time taken before it commits (a job can become Completed "in the past"). The order in which
 * submits are answered is not the order of creation either: under load a job created early can be answered after
 * many created later, so how far to read is decided by the jobs waited for, not by a count of submits. The cost of a
 * poll follows the backlog, so the pause between polls grows with it: {@code max(minInterval, 0.5 ms per job read)},
 * about 2,000 jobs read per second at most. The first terminal state seen of a watched job goes to the callback.
 */
final class CompletionWatcher implements AutoCloseable {
    /** Jobs asked for on a poll's first page beyond those waited for (finished jobs created among them). */
    static final int MARGIN = 20;
    static final double MILLIS_PER_JOB_READ = 0.5;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final Duration minInterval;
    private final BiConsumer<String, String> onEnd;
    /** Watched jobs not yet seen ended. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong jobsRead = new AtomicLong();
    private final Thread thread;

    /** {@code onEnd(jobId, state)} runs on the watcher's thread. */
    CompletionWatcher(String base, Duration minInterval, BiConsumer<String, String> onEnd) {
        this.base = base;
        this.minInterval = minInterval;
        this.onEnd = onEnd;
        this.thread = Thread.ofPlatform().daemon().name("completion-watcher").start(this::run);
    }

    /** Watches a job just submitted (its end may already have happened: it is seen on the next poll). */
    void watch(String jobId) {
        waiting.add(jobId);
    }

    int waitingCount() {
        return waiting.size();
    }

    /** API requests made and jobs read so far: the watcher's own load on the orchestrator. */
    long requests() {
        return requests.get();
    }

    long jobsRead() {
        return jobsRead.get();
    }

    private void run() {
        while (!closed.get()) {
            try {
                int read = waiting.isEmpty() ? 0 : poll();
                Thread.sleep(Math.max(minInterval.toMillis(), (long) (read * MILLIS_PER_JOB_READ)));
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("completion watcher: " + e);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Reads the newest jobs until every job waited for when the poll began has been read (or the listing ends);
     * returns how many it read.
     */
    private int poll() throws Exception {
        Set<String> unread = new HashSet<>(waiting);
        if (unread.isEmpty()) return 0;
        int read = 0;
        String token = "";
        do {
            String q = token.isEmpty() ? "order_by=created_at&reverse=true&limit=" + Math.min(1000, unread.size() + MARGIN)
                    : "next_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            JsonNode body = Json.mapper().readTree(get("/api/v1/orchestrator/jobs?" + q));
            for (JsonNode j : body.get("Items")) {
                read++;
                String id = j.get("ID").asText();
                unread.remove(id);
                seen(id, j.get("State").get("StateType").asText());
            }
            token = body.path("NextToken").asText("");
        } while (!unread.isEmpty() && !token.isEmpty());
        jobsRead.addAndGet(read);
        return read;
    }

    private void seen(String id, String state) {
        if (!state.equals("Completed") && !state.equals("Failed") && !state.equals("Stopped")) return;
        if (waiting.remove(id)) onEnd.accept(id, state);
    }

    private String get(String path) throws Exception {
        requests.incrementAndGet();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        return r.body();
    }

    @Override
    public void close() {
        closed.set(true);
        thread.interrupt();
    }
}
