package io.bacalao.cli.results;

import io.bacalao.cli.CliException;
import io.bacalao.domain.archive.TarGz;
import io.bacalao.domain.archive.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Unpacks downloaded result archives and merges them into the output folder (reference §5.9). With several
 * results, {@code stdout}, {@code stderr} and {@code exitCode} are appended in result order; any other path
 * given twice, or already present, is refused. The whole merge is planned before anything moves, so a refused
 * merge leaves the output folder as it was. Archives are unpacked under {@code rawDir} with {@link TarGz}'s
 * guard: an entry aiming outside is refused and nothing is written outside {@code rawDir}.
 */
public final class ResultMerger {
    static final Set<String> APPENDED = Set.of("stdout", "stderr", "exitCode");

    private enum Kind { DIR, MOVE, APPEND }

    private record Step(Kind kind, Path source, Path target) {
    }

    private ResultMerger() {
    }

    public static void merge(List<Path> archives, Path rawDir, Path out) throws IOException {
        List<Path> unpacked = new ArrayList<>();
        for (Path archive : archives) unpacked.add(unpack(archive, rawDir));
        List<Step> plan = plan(unpacked, rawDir, out, unpacked.size() > 1);
        for (Step s : plan) {
            switch (s.kind()) {
                case DIR -> Files.createDirectories(s.target());
                case MOVE -> Files.move(s.source(), s.target());
                case APPEND -> append(s.source(), s.target());
            }
        }
    }

    /** A downloaded archive unpacked under {@code rawDir}; a result fetched as a tree already (ipfs) is used as it is. */
    private static Path unpack(Path archive, Path rawDir) throws IOException {
        if (Files.isDirectory(archive)) return archive;
        Path dir = Files.createTempDirectory(rawDir, "result-");
        try (InputStream in = Files.newInputStream(archive)) {
            TarGz.unpack(in, dir);
        } catch (UnsafeArchiveException e) {
            throw new CliException("refusing result archive " + archive.getFileName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliException("cannot unpack result archive " + archive.getFileName() + ": " + e.getMessage());
        }
        return dir;
    }

    private static List<Step> plan(List<Path> results, Path rawDir, Path out, boolean append) throws IOException {
        List<Step> plan = new ArrayList<>();
        Map<Path, Kind> planned = new HashMap<>();
        for (Path result : results) {
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(result)) {
                entries = walk.filter(p -> !p.equals(result)).sorted().toList();
            }
            for (Path source : entries) {
                Path rel = result.relativize(source);
                Path target = out.resolve(rel.toString());
                Kind kind = Files.isDirectory(source) ? Kind.DIR
                        : append && rel.getNameCount() == 1 && APPENDED.contains(rel.toString()) ? Kind.APPEND : Kind.MOVE;
                Kind before = planned.putIfAbsent(target, kind);
                boolean clash = target.equals(rawDir)
                        || before != null && !(before == kind && kind != Kind.MOVE)
                        || before == null && Files.exists(target) && !(kind == Kind.DIR && Files.isDirectory(target));
                if (clash) {
                    throw new CliException("cannot merge results as output already exists: " + target
                            + ". Try --raw to download raw results instead of merging them");
                }
                if (before == null || kind == Kind.APPEND) plan.add(new Step(kind, source, target));
            }
        }
        return plan;
    }

    private static void append(Path source, Path target) throws IOException {
        try (OutputStream o = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Files.copy(source, o);
        }
    }

    /** Removes {@code dir} and everything in it; a missing dir is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
