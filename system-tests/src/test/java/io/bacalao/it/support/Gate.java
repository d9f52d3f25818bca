package io.bacalao.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run that lasts exactly as long as a test needs it to: a Docker job mounts the gate's folder as a local input
 * ({@code Compute.AllowListedLocalPaths}, read-only) and its script waits until the test {@link #open opens} it.
 * A fixed {@code sleep} has to guess how long a fault takes to play out on a busy machine, and every run of it
 * (a failed-over or reconciled one too) then waits the whole guess. A gate is open for good, so a run that starts
 * after the opening ends at once.
 *
 * <p>Gates of one class live in one folder, {@link #allowListEntry} of which the compute nodes must be given
 * before they start.
 */
public final class Gate {
    /** Where a gated job sees the gate's folder. */
    static final String TARGET = "/gate";
    private final Path dir;

    private Gate(Path dir) {
        this.dir = dir;
    }

    /** The folder for a class's gates, created now (the nodes resolve their allow-list when they start). */
    public static Path folder(String name) {
        Path dir = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve(name + "-gates");
        try {
            TestCluster.deleteTree(dir);
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code Compute.AllowListedLocalPaths} entry that lets jobs mount the gates in {@code folder}. */
    public static String allowListEntry(Path folder) {
        return folder + ":ro";
    }

    /** A new closed gate in {@code folder}. */
    public static Gate in(Path folder) {
        try {
            return new Gate(Files.createTempDirectory(folder, "gate-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job spec's {@code InputSources} entry that mounts this gate. */
    public String input() {
        return "{\"Source\":{\"Type\":\"local\",\"Params\":{\"SourcePath\":\"" + dir + "\"}},\"Target\":\"" + TARGET + "\"}";
    }

    /** The CLI's {@code -i} value that mounts this gate. */
    public String cliInput() {
        return "src=file://" + dir + ",dst=" + TARGET;
    }

    /** A shell command that returns once the gate is open. */
    public static String await() {
        return "until [ -e " + TARGET + "/open ]; do sleep 0.2; done";
    }

    /** A Docker batch job (busybox, no network) whose one run waits for this gate; {@code jobFields} go before Tasks. */
    public String job(String jobFields) {
        return job(jobFields, "");
    }

    /** The same, with {@code taskFields} (e.g. Resources, Timeouts) in its task. */
    public String job(String jobFields, String taskFields) {
        return "{\"Type\":\"batch\",\"Count\":1," + jobFields + "\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":"
                + "\"docker\",\"Params\":{\"Image\":\"local/busybox:latest\",\"Entrypoint\":[\"sh\",\"-c\"],\"Parameters\":[\""
                + await() + "\"]}}," + taskFields + "\"InputSources\":[" + input() + "],\"Network\":{\"Type\":\"None\"}}]}";
    }

    /** Lets every run waiting at this gate, and every later one, end. */
    public void open() {
        try {
            Files.writeString(dir.resolve("open"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
