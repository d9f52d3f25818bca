package io.bacalao.compute.executor.wasm.wasmtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows files that a native writer appends to (wasmtime-java's WASI writes stdout and stderr only to files)
 * and hands each new chunk to a sink, every {@value #PERIOD_MS} ms while the run lasts, so that logs stream as
 * they do for Docker. {@link #close} waits for the last chunk.
 */
final class FilePump implements AutoCloseable {
    static final long PERIOD_MS = 50;
    private static final Logger LOG = Logger.getLogger(FilePump.class.getName());

    /** Receives bytes, e.g. OutputCapture::stdout. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] data, int offset, int length) throws IOException;
    }

    private record Followed(Path file, Sink sink, long[] position) {
    }

    private final Followed[] files;
    private final Thread thread;
    private volatile boolean stopping;

    FilePump(Path stdout, Sink out, Path stderr, Sink err) {
        files = new Followed[]{new Followed(stdout, out, new long[1]), new Followed(stderr, err, new long[1])};
        thread = Thread.ofPlatform().daemon().name("wasm-output-pump").start(this::loop);
    }

    private void loop() {
        while (!stopping) {
            drain();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void drain() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (Followed f : files) {
            try (FileChannel ch = FileChannel.open(f.file, StandardOpenOption.READ)) {
                int n;
                while ((n = ch.read(buf.clear(), f.position[0])) > 0) {
                    f.sink.write(buf.array(), 0, n);
                    f.position[0] += n;
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "cannot follow " + f.file, e);
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
