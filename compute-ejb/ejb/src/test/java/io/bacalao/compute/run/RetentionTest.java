package io.bacalao.compute.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ended executions leave their logs and archives for the retention, then nothing. */
class RetentionTest {
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    @TempDir
    Path dir;

    private Path folder(String id, Instant endedAt) throws Exception {
        Path f = Files.createDirectories(dir.resolve("executions").resolve(id));
        Files.createDirectories(f.resolve("results/outputs"));
        Files.createDirectories(f.resolve("logs"));
        Files.writeString(f.resolve("logs/output.log"), "log");
        ExecutionFolders.release(f, endedAt);
        return f;
    }

    private Path archive(String name, Instant at) throws Exception {
        Path p = Files.createDirectories(dir.resolve("published")).resolve(name);
        Files.writeString(p, "tar");
        Files.setLastModifiedTime(p, FileTime.from(at));
        return p;
    }

    private int sweep(Duration retention, Set<String> active) {
        return new Retention(Clock.fixed(NOW, ZoneOffset.UTC), retention)
                .sweep(dir.resolve("executions"), active::contains, List.of(dir.resolve("published")));
    }

    @Test
    void anEndedExecutionKeepsOnlyItsLogs() throws Exception {
        Path f = folder("e-1", NOW);
        try (var left = Files.list(f)) {
            assertEquals(List.of("logs"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(NOW, Files.getLastModifiedTime(f).toInstant());
    }

    @Test
    void foldersAndArchivesOlderThanTheRetentionGoUnlessTheExecutionIsActive() throws Exception {
        Path old = folder("e-old", NOW.minus(Duration.ofHours(25)));
        Path young = folder("e-young", NOW.minus(Duration.ofHours(23)));
        Path running = folder("e-running", NOW.minus(Duration.ofHours(30)));
        Path oldTar = archive("e-old.tar.gz", NOW.minus(Duration.ofHours(25)));
        Path youngTar = archive("e-young.tar.gz", NOW.minus(Duration.ofHours(1)));
        assertEquals(2, sweep(Duration.ofHours(24), Set.of("e-running")));
        assertTrue(Files.notExists(old) && Files.notExists(oldTar));
        assertTrue(Files.exists(young) && Files.exists(running) && Files.exists(youngTar));
    }

    @Test
    void aZeroRetentionKeepsEverything() throws Exception {
        Path old = folder("e-old", NOW.minus(Duration.ofDays(400)));
        assertEquals(0, sweep(Duration.ZERO, Set.of()));
        assertTrue(Files.exists(old));
    }

    @Test
    void aLinkLeftInAFolderIsRemovedNotFollowed() throws Exception {
        Path precious = Files.writeString(dir.resolve("precious"), "keep");
        Path f = Files.createDirectories(dir.resolve("executions/e-link"));
        Files.createDirectories(f.resolve("results"));
        Files.createSymbolicLink(f.resolve("results/link"), dir);
        Files.createSymbolicLink(f.resolve("link-file"), precious);
        ExecutionFolders.release(f, NOW.minus(Duration.ofDays(2)));
        assertEquals(1, sweep(Duration.ofHours(24), Set.of()));
        assertTrue(Files.notExists(f));
        assertEquals("keep", Files.readString(precious));
    }

    @Test
    void filesNeverOutliveTheJobRetention() {
        Duration day = Duration.ofHours(24);
        Duration month = Duration.ofDays(30);
        assertEquals(day, Retention.forFiles(day, month));
        assertEquals(Duration.ofHours(1), Retention.forFiles(day, Duration.ofHours(1)));
        assertEquals(month, Retention.forFiles(Duration.ZERO, month), "files kept by hand still go with their job");
        assertEquals(day, Retention.forFiles(day, Duration.ZERO), "jobs kept forever");
        assertEquals(Duration.ZERO, Retention.forFiles(Duration.ZERO, Duration.ZERO));
    }

    @Test
    void recordsOfEndedExecutionsAreDueAfterTheJobRetention() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertEquals(NOW.minus(Duration.ofDays(30)).toEpochMilli(),
                Retention.recordsDueBefore(clock, Duration.ofDays(30)).orElseThrow());
        assertTrue(Retention.recordsDueBefore(clock, Duration.ZERO).isEmpty(), "jobs kept forever keep their records");
    }
}
