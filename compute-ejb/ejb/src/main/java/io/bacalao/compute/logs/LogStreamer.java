package io.bacalao.compute.logs;

import io.bacalao.broker.Addresses;
import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.messaging.OrchestratorLink;
import io.bacalao.compute.store.ExecutionStore;
import io.bacalao.compute.store.LocalExecution;
import io.bacalao.domain.protocol.LogChunk;
import io.bacalao.domain.protocol.LogStreamCancel;
import io.bacalao.domain.protocol.LogStreamRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams an execution's output log to the queue the orchestrator listens on: every record as a chunk (a
 * finished execution's output cut into lines), then an end chunk. Following polls the growing file until the
 * execution is terminal and everything was sent, or until its reader leaves ({@link #cancel}; checked every
 * {@link #POLL}). Survives node restarts: the log is a file.
 */
@ApplicationScoped
public class LogStreamer {
    private static final Logger LOG = Logger.getLogger(LogStreamer.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WAIT_FOR_EXECUTION = Duration.ofSeconds(10);
    private static final Duration MAX_FOLLOW = Duration.ofHours(24);

    @Resource
    ManagedExecutorService pool;
    @Inject
    ExecutionStore store;
    @Inject
    OrchestratorLink link;
    @Inject
    ComputeSettings settings;

    /** Streams in progress: stream ID → whether its reader left ({@link #cancel}). */
    private final Map<String, AtomicBoolean> streams = new ConcurrentHashMap<>();

    public void stream(LogStreamRequest r) {
        if (streams.putIfAbsent(r.streamId(), new AtomicBoolean()) != null) return; // a redelivered request
        try {
            pool.submit(() -> run(r));
        } catch (RuntimeException e) {
            streams.remove(r.streamId());
            throw e;
        }
    }

    /** The reader of the stream left: it stops at its next poll, without an end chunk. Unknown streams: nothing. */
    public void cancel(LogStreamCancel c) {
        AtomicBoolean left = streams.get(c.streamId());
        if (left != null) left.set(true);
    }

    /** How many streams are sending now. */
    public int active() {
        return streams.size();
    }

    private void run(LogStreamRequest r) {
        try {
            stream(r, streams.get(r.streamId()));
        } finally {
            streams.remove(r.streamId());
        }
    }

    private void stream(LogStreamRequest r, AtomicBoolean left) {
        String queue = Addresses.logQueue(r.streamId());
        long seq = 0;
        try {
            Optional<LocalExecution> e = awaitExecution(r.executionId());
            if (e.isEmpty()) {
                send(queue, new LogChunk(settings.nodeId(), r.streamId(), seq, 0, "", true,
                        "execution " + r.executionId() + " is unknown to node " + settings.nodeId()));
                return;
            }
            Path file = settings.executionDir(r.executionId()).resolve("logs").resolve(LogFile.NAME);
            Instant deadline = Instant.now().plus(MAX_FOLLOW);
            boolean skipExisting = r.tail();
            while (!Files.exists(file) && r.follow() && !terminal(r.executionId()) && Instant.now().isBefore(deadline)) {
                if (left.get()) return;
                Thread.sleep(POLL.toMillis());
            }
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (skipExisting) in.skip(Files.size(file));
                    while (true) {
                        if (left.get()) return;
                        LogFile.Record rec = LogFile.read(in);
                        if (rec != null) {
                            for (String line : lines(rec.data())) {
                                send(queue, new LogChunk(settings.nodeId(), r.streamId(), seq++, rec.type(), line, false, ""));
                            }
                            continue;
                        }
                        if (!r.follow() || terminal(r.executionId()) && !hasMore(in) || Instant.now().isAfter(deadline)) break;
                        Thread.sleep(POLL.toMillis());
                    }
                }
            }
            send(queue, new LogChunk(settings.nodeId(), r.streamId(), seq, 0, "", true, ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "log stream " + r.streamId() + " for " + r.executionId() + " failed", e);
            send(queue, new LogChunk(settings.nodeId(), r.streamId(), seq, 0, "", true, "log stream failed: " + e.getMessage()));
        }
    }

    private Optional<LocalExecution> awaitExecution(String id) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT_FOR_EXECUTION);
        Optional<LocalExecution> e = store.find(id);
        while (e.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(POLL.toMillis());
            e = store.find(id);
        }
        return e;
    }

    private boolean terminal(String id) {
        return store.find(id).map(e -> e.state().isTerminal()).orElse(true);
    }

    private static boolean hasMore(InputStream in) throws IOException {
        return in.available() > 0;
    }

    /** A chunk cut at newlines, each piece keeping its newline (the last may lack one). */
    static java.util.List<String> lines(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    private void send(String queue, LogChunk c) {
        try {
            link.sendTo(queue, c);
        } catch (RuntimeException e) {
            LOG.fine(() -> "log chunk not sent: " + e.getMessage());
        }
    }
}
