package io.bacalao.compute.capacity.gpu;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Runs a probe command and captures its standard output; the seam that lets tests fake vendor tools. */
public interface CommandRunner {
    /** What a finished command left: its exit status and its standard output (standard error is discarded). */
    record Output(int exitCode, String stdout) {
    }

    /**
     * Runs {@code command} (argv; the program is looked up on PATH) and waits at most {@code timeout} for it to exit.
     *
     * @throws IOException if it cannot be started, e.g. the program is not installed
     * @throws TimeoutException if it was still running after {@code timeout}; it has then been killed
     * @throws InterruptedException if the calling thread was interrupted while waiting; the command has been killed
     */
    Output run(List<String> command, Duration timeout) throws IOException, TimeoutException, InterruptedException;
}
