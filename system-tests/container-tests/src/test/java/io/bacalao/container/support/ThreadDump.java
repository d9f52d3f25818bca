package io.bacalao.container.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What this JVM's threads in a package are doing, for the message of a test that waited in vain inside the node
 * (a report that never came: was its sender blocked, and where?). Only threads with a frame in the package are
 * listed, each with its state and its top frames.
 */
public final class ThreadDump {
    private static final int FRAMES = 16;

    private ThreadDump() {
    }

    /** The threads with a frame in {@code packagePrefix}, or a line saying there are none. */
    public static String of(String packagePrefix) {
        String dump = Thread.getAllStackTraces().entrySet().stream()
                .filter(t -> Arrays.stream(t.getValue()).anyMatch(f -> f.getClassName().startsWith(packagePrefix)))
                .map(ThreadDump::describe)
                .collect(Collectors.joining("\n"));
        return dump.isEmpty() ? "no thread is in " + packagePrefix : dump;
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> t) {
        return "\"" + t.getKey().getName() + "\" " + t.getKey().getState() + Arrays.stream(t.getValue()).limit(FRAMES)
                .map(f -> "\n    at " + f).collect(Collectors.joining());
    }
}
