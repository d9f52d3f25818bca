package io.bacalao.compute.run;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.MountGuard;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.ResultPath;
import io.bacalao.domain.quantity.Quantities;
import io.bacalao.domain.model.RunOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The results folder layout (reference §5.9): {@code stdout}, {@code stderr}, {@code exitCode} (decimal, no
 * newline) and one folder per output. The summary keeps the first {@link RunOutput#SUMMARY_LIMIT} bytes.
 */
public final class ResultsFolder {
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";
    public static final String EXIT_CODE = "exitCode";

    private ResultsFolder() {
    }

    /**
     * Creates the folder of each result before the run, each checked by {@link MountGuard#resultDir} (a plain Name,
     * inside {@code results}); a violation refuses the execution before anything is mounted.
     */
    public static void prepare(Path results, List<ResultPath> outputs) throws ExecutionFailure {
        for (ResultPath out : outputs) MountGuard.resultDir(results, out.name());
    }

    /** Completes the folder after a run and returns the output summary. */
    public static RunOutput finish(Path results, int exitCode) throws IOException {
        return finish(results, exitCode, false, false);
    }

    /**
     * As {@link #finish(Path, int)}; a stream is marked truncated when its summary is cut or when the capture
     * dropped output past its cap ({@code stdoutCut}, {@code stderrCut}).
     */
    public static RunOutput finish(Path results, int exitCode, boolean stdoutCut, boolean stderrCut) throws IOException {
        Path out = ensure(results.resolve(STDOUT));
        Path err = ensure(results.resolve(STDERR));
        Files.writeString(results.resolve(EXIT_CODE), String.valueOf(exitCode));
        Excerpt o = excerpt(out);
        Excerpt e = excerpt(err);
        return new RunOutput(o.text, o.truncated || stdoutCut, e.text, e.truncated || stderrCut, exitCode, "");
    }

    /**
     * Refuses results bigger than {@code limitBytes} (the task's {@code Resources.Disk}; 0 = none asked, no limit),
     * measured after the run, before anything is published.
     */
    public static void checkDisk(Path results, long limitBytes) throws ExecutionFailure, IOException {
        if (limitBytes <= 0) return;
        long used = ExecutionFolders.size(results);
        if (used > limitBytes) {
            throw new ExecutionFailure("the execution's results take " + Quantities.formatBytes(used) + ", more than its "
                    + Quantities.formatBytes(limitBytes) + " of disk (Resources.Disk); ask for more with --disk",
                    EventTopics.PUBLISHING_RESULTS);
        }
    }

    private static Path ensure(Path p) throws IOException {
        if (!Files.exists(p)) Files.createFile(p);
        return p;
    }

    private record Excerpt(String text, boolean truncated) {
    }

    private static Excerpt excerpt(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(RunOutput.SUMMARY_LIMIT + 1);
            boolean truncated = head.length > RunOutput.SUMMARY_LIMIT;
            int n = Math.min(head.length, RunOutput.SUMMARY_LIMIT);
            return new Excerpt(new String(head, 0, n, StandardCharsets.UTF_8), truncated);
        }
    }
}
