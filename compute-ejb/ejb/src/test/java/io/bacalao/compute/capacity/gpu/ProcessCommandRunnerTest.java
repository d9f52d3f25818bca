package io.bacalao.compute.capacity.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs({OS.LINUX, OS.MAC})
class ProcessCommandRunnerTest {
    private final ProcessCommandRunner runner = new ProcessCommandRunner();

    @Test
    void capturesStandardOutputAndExitCodeButNotStandardError() throws Exception {
        var out = runner.run(List.of("sh", "-c", "echo '0, NVIDIA H200'; echo oops >&2; exit 3"),
                Duration.ofSeconds(10));

        assertEquals(new CommandRunner.Output(3, "0, NVIDIA H200\n"), out);
    }

    @Test
    void aMissingProgramCannotBeStarted() {
        assertThrows(IOException.class,
                () -> runner.run(List.of("bacalao-no-such-smi", "--json"), Duration.ofSeconds(10)));
    }

    @Test
    void aProgramThatOverrunsIsKilledAtTheTimeout() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(TimeoutException.class,
                () -> runner.run(List.of("sleep", "30"), Duration.ofMillis(200))));
    }

    @Test
    void aProgramWaitingForInputSeesItsEnd() throws Exception {
        assertEquals(0, runner.run(List.of("cat"), Duration.ofSeconds(10)).exitCode());
    }
}
