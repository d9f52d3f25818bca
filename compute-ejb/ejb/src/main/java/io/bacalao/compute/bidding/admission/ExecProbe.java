package io.bacalao.compute.bidding.admission;

import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code JobAdmissionControl.ProbeExec} ({@code pkg/bidstrategy/semantic/external_exec.go}): {@code bash -c <command>}
 * gets the {@link ProbeRequest} on stdin and in {@code BACALHAU_JOB_SELECTION_PROBE_DATA}; its environment holds
 * only that and {@code PATH}. Exit code 0 means bid; otherwise its stderr (trimmed) is the reason, or the exit code
 * when stderr is empty. A probe still running after {@code timeout} is killed with its children and the job
 * refused, so a hung script cannot hold the node's message handling. Only the first {@value #MAX_STDERR} bytes of
 * stderr are kept; stdout is discarded.
 */
public record ExecProbe(String command, Duration timeout, String path) implements BidStrategy {
    static final String DATA_ENV = "BACALHAU_JOB_SELECTION_PROBE_DATA";
    static final int MAX_STDERR = 64 * 1024;

    @Override
    public Optional<String> refusal(Job job) {
        if (command == null || command.isBlank()) return Optional.empty();
        byte[] data = ProbeRequest.json(job).getBytes(StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put(DATA_ENV, new String(data, StandardCharsets.UTF_8));
        env.put("PATH", path == null ? "" : path);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.of(NOT + "accept jobs while external command " + ProbeRequest.quoted(command)
                    + " cannot start: " + e.getMessage());
        }
        Thread.ofVirtual().start(() -> feed(process.getOutputStream(), data));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return Optional.of(NOT + "accept jobs where external command " + ProbeRequest.quoted(command)
                        + " does not finish within " + Durations.format(timeout));
            }
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.of(NOT + "accept jobs while external command " + ProbeRequest.quoted(command) + " is interrupted");
        }
        int exit = process.exitValue();
        if (exit == 0) return Optional.empty();
        String message;
        synchronized (stderr) {
            message = stderr.toString(StandardCharsets.UTF_8).strip();
        }
        if (!message.isEmpty()) return Optional.of(NOT + "accept this job: " + message);
        return Optional.of(NOT + "accept jobs where external command " + ProbeRequest.quoted(command)
                + " returns exit code " + exit);
    }

    /** A probe that does not read its stdin closes the pipe: that is its right, not an error. */
    private static void feed(OutputStream stdin, byte[] data) {
        try (stdin) {
            stdin.write(data);
        } catch (IOException ignored) {
            // the probe exited or closed stdin without reading it all
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream into) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (into) {
                    int room = MAX_STDERR - into.size();
                    if (room > 0) into.write(buf, 0, Math.min(room, n));
                }
            }
        } catch (IOException ignored) {
            // the process was killed
        }
    }
}
