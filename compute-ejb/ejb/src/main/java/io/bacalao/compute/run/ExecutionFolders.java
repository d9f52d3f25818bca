package io.bacalao.compute.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Disk use of an execution's folder {@code <DataDir>/compute/executions/<execID>/}: {@code inputs/}, {@code results/},
 * engine scratch ({@code wasm/}) and {@code logs/}. Once an execution has ended its results are in the publisher's
 * hands, so everything but {@code logs/} is {@link #release released} at once; the logs serve {@code job logs} until
 * {@link Retention} removes the folder. Nothing here follows a symbolic link: a link a job left is removed, never
 * its target.
 */
public final class ExecutionFolders {
    static final String LOGS = "logs";

    private ExecutionFolders() {
    }

    /**
     * Removes everything of an ended execution's folder except its logs, and stamps the folder with {@code endedAt}
     * (its modification time), from which {@link Retention} counts.
     */
    public static void release(Path executionDir, Instant endedAt) throws IOException {
        if (!Files.isDirectory(executionDir)) return;
        List<Path> children;
        try (Stream<Path> s = Files.list(executionDir)) {
            children = s.filter(p -> !p.getFileName().toString().equals(LOGS)).toList();
        }
        for (Path child : children) delete(child);
        Files.setLastModifiedTime(executionDir, FileTime.from(endedAt));
    }

    /** Deletes a file or a folder tree, never following links. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                if (failed != null) throw failed;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Bytes of the regular files under {@code dir}, links not followed (a link counts as nothing). */
    public static long size(Path dir) throws IOException {
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
