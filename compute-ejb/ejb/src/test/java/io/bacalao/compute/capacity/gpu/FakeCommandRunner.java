package io.bacalao.compute.capacity.gpu;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Pretends to be a machine with some vendor tools installed; every other program is "not found". */
final class FakeCommandRunner implements CommandRunner {
    private interface Answer {
        Output answer() throws IOException, TimeoutException, InterruptedException;
    }

    private final Map<String, Answer> tools = new HashMap<>();
    final List<List<String>> ran = new ArrayList<>();
    final List<Duration> timeouts = new ArrayList<>();

    FakeCommandRunner prints(String tool, String stdout) {
        return exits(tool, 0, stdout);
    }

    FakeCommandRunner exits(String tool, int exitCode, String stdout) {
        tools.put(tool, () -> new Output(exitCode, stdout));
        return this;
    }

    FakeCommandRunner hangs(String tool) {
        tools.put(tool, () -> {
            throw new TimeoutException(tool + " did not exit");
        });
        return this;
    }

    FakeCommandRunner isInterruptedDuring(String tool) {
        tools.put(tool, () -> {
            throw new InterruptedException();
        });
        return this;
    }

    @Override
    public Output run(List<String> command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        ran.add(command);
        timeouts.add(timeout);
        Answer answer = tools.get(command.get(0));
        if (answer == null) {
            throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
        }
        return answer.answer();
    }
}
