package io.bacalao.compute.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process that prints without end fills at most the cap per stream, on disk and in the streaming log. */
class OutputCaptureTest {
    @TempDir
    Path dir;

    @Test
    void eachStreamKeepsAtMostTheCapAndSaysItWasTruncated() throws Exception {
        OutputCapture capture = new OutputCapture(dir.resolve("results"), dir.resolve("logs"), 10);
        try (capture; OutputStream out = capture.stdoutStream()) {
            out.write("0123456".getBytes(StandardCharsets.UTF_8));
            out.write("789abc".getBytes(StandardCharsets.UTF_8));
            out.write("never".getBytes(StandardCharsets.UTF_8));
            capture.stderr("err".getBytes(StandardCharsets.UTF_8), 0, 3);
        }
        assertEquals("0123456789", Files.readString(dir.resolve("results/stdout")));
        assertEquals("err", Files.readString(dir.resolve("results/stderr")));
        assertTrue(capture.stdoutTruncated());
        assertFalse(capture.stderrTruncated());
        StringBuilder logged = new StringBuilder();
        try (InputStream in = Files.newInputStream(dir.resolve("logs").resolve(LogFile.NAME))) {
            for (LogFile.Record r = LogFile.read(in); r != null; r = LogFile.read(in)) {
                logged.append(r.type()).append(':').append(new String(r.data(), StandardCharsets.UTF_8)).append('|');
            }
        }
        assertEquals("1:0123456|1:789|2:err|", logged.toString());
    }

    @Test
    void outputExactlyAtTheCapIsNotTruncated() throws Exception {
        OutputCapture capture = new OutputCapture(dir.resolve("results"), dir.resolve("logs"), 4);
        try (capture) {
            capture.stdout(new byte[]{1, 2, 3, 4}, 0, 4);
        }
        assertFalse(capture.stdoutTruncated());
        assertArrayEquals(new byte[]{1, 2, 3, 4}, Files.readAllBytes(dir.resolve("results/stdout")));
    }

    @Test
    void aCapMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new OutputCapture(dir.resolve("r"), dir.resolve("l"), 0));
    }
}
