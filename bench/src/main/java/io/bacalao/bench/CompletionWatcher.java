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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;

/**
 * Learns when jobs end through the public API, reading only the jobs that can still be waited for: it lists jobs
 * newest-created first ({@code order_by=created_at&reverse=true}), as many as were submitted since the oldest job
 * still waited for, plus those whose submit is still on its way, plus a margin. Creation order never changes, so no
 * end is missed; the order of modification would not do, because the orchestrator may stamp a change with a time
 * taken before it commits (a job can become Completed "in the past"). The cost of a poll follows the backlog, so the
 * pause between polls grows with it: {@code max(minInterval, 0.5 ms per job read)}, about 2,000 jobs read per second
 * at most. The first terminal state seen of a watched job goes to the callback.
 */
final class CompletionWatcher implements AutoCloseable {
    /** Jobs read per poll beyond those submitted since the oldest one waited for (concurrent submits interleave). */
    static final int MARGIN = 20;
    static final double MILLIS_PER_JOB_READ = 0.5;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final Duration minInterval;
    private final BiConsumer<String, String> onEnd;
    private final IntSupplier submitsInFlight;
    /** Watched jobs by submit sequence number (the oldest first), and the reverse index. */
    private final ConcurrentSkipListMap<Long, String> bySeq = new ConcurrentSkipListMap<>();
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong jobsRead = new AtomicLong();
    private final Thread thread;

    /** {@code onEnd(jobId, state)} runs on the watcher's thread; {@code submitsInFlight}: submits not yet answered. */
    CompletionWatcher(String base, Duration minInterval, IntSupplier submitsInFlight, BiConsumer<String, String> onEnd) {
        this.base = base;
        this.minInterval = minInterval;
        this.submitsInFlight = submitsInFlight;
        this.onEnd = onEnd;
        this.thread = Thread.ofPlatform().daemon().name("completion-watcher").start(this::run);
    }

    /** Watches a job just submitted (its end may already have happened: it is seen on the next poll). */
    void watch(String jobId) {
        long s = seq.incrementAndGet();
        waiting.put(jobId, s);
        bySeq.put(s, jobId);
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
                int read = bySeq.isEmpty() ? 0 : poll();
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

    /** Reads the newest jobs down to the oldest one waited for; returns how many it read. */
    private int poll() throws Exception {
        var oldest = bySeq.firstEntry();
        if (oldest == null) return 0;
        long want = seq.get() - oldest.getKey() + 1 + submitsInFlight.getAsInt() + MARGIN;
        int read = 0;
        String token = "";
        while (read < want) {
            String q = token.isEmpty() ? "order_by=created_at&reverse=true&limit=" + Math.min(1000, want)
                    : "next_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            JsonNode body = Json.mapper().readTree(get("/api/v1/orchestrator/jobs?" + q));
            for (JsonNode j : body.get("Items")) {
                read++;
                seen(j.get("ID").asText(), j.get("State").get("StateType").asText());
            }
            token = body.path("NextToken").asText("");
            if (token.isEmpty()) break;
        }
        jobsRead.addAndGet(read);
        return read;
    }

    private void seen(String id, String state) {
        if (!state.equals("Completed") && !state.equals("Failed") && !state.equals("Stopped")) return;
        Long s = waiting.remove(id);
        if (s == null) return;
        bySeq.remove(s);
        onEnd.accept(id, state);
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
