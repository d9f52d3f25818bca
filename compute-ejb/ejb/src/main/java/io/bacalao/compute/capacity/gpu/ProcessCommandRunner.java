package io.bacalao.compute.capacity.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands as child processes. Standard output goes to a temporary file rather than a pipe, so a chatty or hung
 * tool can neither block on a full pipe nor need a reader thread; the file is deleted afterwards. Standard input is
 * closed at once. Output is decoded as UTF-8, malformed bytes replaced.
 */
public final class ProcessCommandRunner implements CommandRunner {
    @Override
    public Output run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        Path out = Files.createTempFile("bacalao-gpu-probe", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile())
                    .start();
            try {
                process.getOutputStream().close();
                if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new TimeoutException(command.get(0) + " did not exit within " + timeout);
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            return new Output(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
