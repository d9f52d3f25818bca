package io.bacalao.cli.launch;

import io.bacalao.payara.NodeProcess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * What devstack prints while its nodes start, so that a slow start never looks like a hang: each node when it is
 * launched (with its log), each node when it is ready, and every {@link #STILL_STARTING} the nodes still starting;
 * times are seconds since {@code start}. A node that fails to start ends the wait with its log named.
 */
final class StartupProgress {
    /** Longest silence while nodes start. */
    static final Duration STILL_STARTING = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long start;

    StartupProgress(PrintWriter err, LongSupplier nanoTime, long start) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.start = start;
    }

    static String label(NodeProcess p) {
        return p.spec().dataDir().getFileName() + " (" + p.spec().name() + " " + p.spec().nodeId() + ")";
    }

    void launched(NodeProcess p) {
        line("starting " + label(p) + ", API on port " + p.spec().httpPort() + ", log " + p.log());
    }

    /** Waits for every node in parallel, printing each as it becomes ready; throws on the first that fails. */
    void awaitReady(List<NodeProcess> nodes, Duration timeout) throws InterruptedException {
        Map<NodeProcess, CompletableFuture<Void>> waits = new LinkedHashMap<>();
        for (NodeProcess p : nodes) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    p.awaitReady(timeout);
                    line(label(p) + " is ready");
                    f.complete(null);
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
            waits.put(p, f);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(waits.values().toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(STILL_STARTING.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillStarting) {
                List<String> pending = waits.entrySet().stream().filter(e -> !e.getValue().isDone())
                        .map(e -> e.getKey().spec().dataDir().getFileName().toString()).toList();
                line("still starting: " + String.join(", ", pending));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
            }
        }
    }

    void line(String text) {
        synchronized (err) {
            err.printf("  [%5.1fs] %s%n", (nanoTime.getAsLong() - start) / 1e9, text);
            err.flush();
        }
    }
}
