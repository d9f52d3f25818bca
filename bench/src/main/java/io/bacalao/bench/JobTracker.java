package io.bacalao.bench;

import io.bacalao.domain.spec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submits noop jobs asynchronously and hands each one's end to the {@link Phase} that submitted it, with the
 * latency from the job's <em>intended</em> submit time (so a submitter that falls behind does not hide the delay:
 * no coordinated omission). At most {@link #MAX_IN_FLIGHT} submit requests are open at once.
 */
final class JobTracker implements AutoCloseable {
    static final String NOOP = B1NoopLatency.NOOP;
    static final int MAX_IN_FLIGHT = 512;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final CompletionWatcher watcher;
    private final java.util.concurrent.atomic.AtomicLong completedAll = new java.util.concurrent.atomic.AtomicLong();

    private record Pending(Phase phase, long intendedNanos) {
    }

    /** One part of a run: its latencies, counts and the moments its jobs ended. */
    static final class Phase {
        final Stats latency = new Stats();
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger submitErrors = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger notCompleted = new AtomicInteger();
        final Map<String, Long> endNanos = new ConcurrentHashMap<>();
        volatile String lastError = "";

        int ended() {
            return completed.get() + notCompleted.get();
        }

        /** Jobs of this phase that ended within [from, to) (System.nanoTime()). */
        long endedBetween(long from, long to) {
            return endNanos.values().stream().filter(t -> t >= from && t < to).count();
        }
    }

    JobTracker(String base, Duration pollInterval) {
        this.base = base;
        this.watcher = new CompletionWatcher(base, pollInterval, this::ended);
    }

    /** Jobs of any phase seen Completed so far. */
    long completedAll() {
        return completedAll.get();
    }

    CompletionWatcher watcher() {
        return watcher;
    }

    /** Submits one noop job for {@code phase}, its latency counted from {@code intendedNanos}; returns at once. */
    CompletableFuture<Void> submit(Phase phase, long intendedNanos) throws InterruptedException {
        inFlight.acquire();
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/orchestrator/jobs"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + NOOP + "}")).build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
            inFlight.release();
            if (err != null || resp.statusCode() != 200) {
                phase.submitErrors.incrementAndGet();
                phase.lastError = err != null ? err.toString() : resp.statusCode() + " " + resp.body();
                return null;
            }
            String id;
            try {
                id = Json.mapper().readTree(resp.body()).get("JobID").asText();
            } catch (java.io.IOException | RuntimeException bad) {
                phase.submitErrors.incrementAndGet();
                phase.lastError = "unreadable answer: " + resp.body();
                return null;
            }
            phase.submitted.incrementAndGet();
            pending.put(id, new Pending(phase, intendedNanos));
            watcher.watch(id);
            return null;
        });
    }

    private void ended(String jobId, String state) {
        long now = System.nanoTime();
        Pending p = pending.remove(jobId);
        if (p == null) return;
        if (state.equals("Completed")) completedAll.incrementAndGet();
        p.phase.latency.add((now - p.intendedNanos) / 1e6);
        p.phase.endNanos.put(jobId, now);
        (state.equals("Completed") ? p.phase.completed : p.phase.notCompleted).incrementAndGet();
    }

    @Override
    public void close() {
        watcher.close();
    }
}
