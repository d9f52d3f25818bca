package io.bacalao.compute.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an executor writes what its process prints: {@code results/stdout} and {@code results/stderr} (the full
 * streams users download) and {@code logs/output.log} (both, interleaved, for log streaming). Thread-safe.
 */
public final class OutputCapture implements AutoCloseable {
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final OutputStream log;

    public OutputCapture(Path resultsDir, Path logsDir) {
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
        stdout.write(data, offset, length);
        record(LogFile.STDOUT, data, offset, length);
    }

    public synchronized void stderr(byte[] data, int offset, int length) throws IOException {
        stderr.write(data, offset, length);
        record(LogFile.STDERR, data, offset, length);
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
