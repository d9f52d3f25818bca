package io.bacalao.compute.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an executor writes what its process prints: {@code results/stdout} and {@code results/stderr} (the streams
 * users download) and {@code logs/output.log} (both, interleaved, for log streaming). Each stream keeps at most
 * {@code maxBytes} bytes ({@code Compute.Executions.MaxOutputBytes}, default {@value #DEFAULT_MAX_BYTES}; Bacalhau
 * keeps 1 GB): a process that prints more cannot fill the node's disk, the rest is dropped and the stream is marked
 * truncated (its {@code RunOutput} says {@code StdoutTruncated}/{@code StderrTruncated}). Thread-safe.
 */
public final class OutputCapture implements AutoCloseable {
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final OutputStream log;
    private final long maxBytes;
    private long stdoutBytes;
    private long stderrBytes;
    private boolean stdoutCut;
    private boolean stderrCut;

    public OutputCapture(Path resultsDir, Path logsDir) {
        this(resultsDir, logsDir, DEFAULT_MAX_BYTES);
    }

    /** {@code maxBytes}: the most bytes kept of each of stdout and stderr (positive). */
    public OutputCapture(Path resultsDir, Path logsDir, long maxBytes) {
        if (maxBytes <= 0) throw new IllegalArgumentException("the output cap must be positive: " + maxBytes);
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(resultsDir);
            Files.createDirectories(logsDir);
            stdout = open(resultsDir.resolve("stdout"));
            stderr = open(resultsDir.resolve("stderr"));
            log = open(logsDir.resolve(LogFile.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream open(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    public synchronized void stdout(byte[] data, int offset, int length) throws IOException {
        int keep = (int) Math.min(length, maxBytes - stdoutBytes);
        if (keep < length) stdoutCut = true;
        if (keep <= 0) return;
        stdoutBytes += keep;
        stdout.write(data, offset, keep);
        record(LogFile.STDOUT, data, offset, keep);
    }

    public synchronized void stderr(byte[] data, int offset, int length) throws IOException {
        int keep = (int) Math.min(length, maxBytes - stderrBytes);
        if (keep < length) stderrCut = true;
        if (keep <= 0) return;
        stderrBytes += keep;
        stderr.write(data, offset, keep);
        record(LogFile.STDERR, data, offset, keep);
    }

    /** Whether stdout printed more than the cap and the rest was dropped. */
    public synchronized boolean stdoutTruncated() {
        return stdoutCut;
    }

    public synchronized boolean stderrTruncated() {
        return stderrCut;
    }

    private void record(int type, byte[] data, int offset, int length) throws IOException {
        LogFile.write(log, type, data, offset, length);
        log.flush();
    }

    /** Output streams for executors that write rather than receive chunks (e.g. WASI stdout). */
    public OutputStream stdoutStream() {
        return new ChunkStream(this, LogFile.STDOUT);
    }

    public OutputStream stderrStream() {
        return new ChunkStream(this, LogFile.STDERR);
    }

    @Override
    public synchronized void close() throws IOException {
        stdout.close();
        stderr.close();
        log.close();
    }

    private static final class ChunkStream extends OutputStream {
        private final OutputCapture capture;
        private final int type;

        ChunkStream(OutputCapture capture, int type) {
            this.capture = capture;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (type == LogFile.STDOUT) capture.stdout(b, off, len);
            else capture.stderr(b, off, len);
        }
    }
}
