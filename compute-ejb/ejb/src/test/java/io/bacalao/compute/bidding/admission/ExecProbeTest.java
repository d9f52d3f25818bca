package io.bacalao.compute.bidding.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProbeExec runs a real bash: exit 0 bids, stderr is the reason, the job arrives on stdin and in one variable. */
class ExecProbeTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String PATH = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

    @TempDir
    Path tmp;

    private static Optional<String> probe(String command, Duration limit) {
        return new ExecProbe(command, limit, PATH).refusal(Jobs.noop());
    }

    @Test
    void exitZeroBids() {
        assertEquals(Optional.empty(), probe("exit 0", LIMIT));
    }

    @Test
    void stderrIsTheReason() {
        assertEquals(Optional.of("this node does not accept this job: no GPUs today"),
                probe("echo '  no GPUs today ' >&2; exit 3", LIMIT));
    }

    @Test
    void withoutStderrTheExitCodeIsTheReason() {
        assertEquals(Optional.of("this node does not accept jobs where external command \"exit 7\" returns exit code 7"),
                probe("exit 7", LIMIT));
    }

    @Test
    void theJobComesOnStdinAndInTheProbeVariableAndNothingElseIsInherited() throws Exception {
        Path stdin = tmp.resolve("stdin");
        Path var = tmp.resolve("var");
        Path env = tmp.resolve("env");
        assertEquals(Optional.empty(), probe("cat > " + stdin + "; printf %s \"$BACALHAU_JOB_SELECTION_PROBE_DATA\" > " + var
                + "; env > " + env, LIMIT));
        String data = Files.readString(stdin);
        assertTrue(data.startsWith("{\"Job\":{") && data.contains("\"ID\":\"j-1\""), data);
        assertEquals(data, Files.readString(var));
        for (String line : Files.readAllLines(env)) {
            String name = line.substring(0, Math.max(0, line.indexOf('=')));
            assertTrue(name.isEmpty() || name.equals("BACALHAU_JOB_SELECTION_PROBE_DATA") || name.equals("PATH")
                    || name.equals("PWD") || name.equals("SHLVL") || name.equals("_"), "inherited: " + line);
        }
    }

    @Test
    void aProbeThatHangsIsKilledAndRefuses() {
        long start = System.nanoTime();
        assertEquals(Optional.of("this node does not accept jobs where external command \"sleep 60\" does not finish"
                + " within 1s"), probe("sleep 60", Duration.ofSeconds(1)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(30)) < 0);
    }

    @Test
    void aProbeThatIgnoresStdinStillDecides() {
        assertEquals(Optional.empty(), new ExecProbe("exit 0", LIMIT, PATH).refusal(Jobs.withEnv(
                java.util.Map.of("BIG", "x".repeat(60_000)))));
    }

    @Test
    void noCommandMeansNoProbe() {
        assertEquals(Optional.empty(), probe("", LIMIT));
        assertEquals(Optional.empty(), probe(null, LIMIT));
    }
}
