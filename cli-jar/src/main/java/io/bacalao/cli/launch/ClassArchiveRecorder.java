package io.bacalao.cli.launch;

import io.bacalao.payara.NodeProcess;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A recording node's JVM writes its role's class archive as it exits ({@code -XX:ArchiveClassesAtExit}, after its
 * shutdown, when nothing runs any more); once the node has stopped, {@link #afterStop} moves that file into place if
 * the node had been ready and exited cleanly. Not {@code jcmd <pid> VM.cds dynamic_dump} on the running node, as
 * before: a JDK 25 JVM that goes on after such a dump crashes (SIGSEGV in
 * {@code LambdaProxyClassDictionary::find_lambda_proxy_class}) at the next lambda it links, and a node's shutdown
 * links some, so every first devstack's nodes crashed as they stopped. After a node is ready: checks that a node
 * launched with an archive mapped it. A node that did not (the JVM found the file unusable: another JDK build, a
 * damaged file) has its archive deleted, so that the next recording start makes a new one. Nothing here fails a
 * start or a stop: every problem is a line for the user.
 */
final class ClassArchiveRecorder {
    /**
     * How long a ready recording node may take to stop: its shutdown, then the JVM writes ~150 MB (~10 s of CPU: a
     * few seconds on a quiet 2-core machine, minutes on a loaded one).
     */
    static final Duration DUMP_GRACE = Duration.ofSeconds(180);
    /** Exit codes of a JVM that ended its shutdown: System.exit(0), SIGINT, SIGTERM. */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 130, 143);

    private ClassArchiveRecorder() {
    }

    /**
     * Loads this class now, before the launcher needs it to stop its nodes. They are stopped from a shutdown hook,
     * and by then the launcher's jar may have been rebuilt under it (a {@code ./bacalao} command in another shell
     * builds when a source changed): a class first needed then cannot be read from the jar any more, the hook
     * fails, and the nodes are left running.
     */
    static void loadBeforeShutdown() {
    }

    /**
     * Once a node is ready: checks that a node launched with an archive mapped it. Returns a line for the user, or
     * null.
     */
    static String afterReady(NodeProcess node, ClassArchives.Plan plan) {
        return plan.mode() == ClassArchives.Mode.USE ? checkMapped(node, plan) : null;
    }

    /** How long to let {@code node} stop: longer than {@code usual} for a ready node that writes its archive then. */
    static Duration stopGrace(ClassArchives.Plan plan, boolean ready, Duration usual) {
        return plan.mode() == ClassArchives.Mode.RECORD && ready && DUMP_GRACE.compareTo(usual) > 0 ? DUMP_GRACE : usual;
    }

    /**
     * Once a recording node has stopped: moves the archive its JVM wrote as it exited into place (what the next
     * start uses) when the node had been {@code ready} and exited cleanly, else discards it; either way the role may
     * be recorded again. Returns a line for the user, or null (not a recording node, or one that never got ready).
     */
    static String afterStop(NodeProcess node, ClassArchives.Plan plan, boolean ready, ClassArchives archives) {
        if (plan.mode() != ClassArchives.Mode.RECORD) return null;
        Path dump = plan.dumpFile();
        try {
            return ready ? keep(node, plan, dump) : null;
        } finally {
            try {
                Files.deleteIfExists(dump);
                Files.deleteIfExists(sidecar(dump));
            } catch (IOException ignored) {
                // a leftover temporary file is removed by a later recording
            }
            archives.recordingEnded(plan.archive());
        }
    }

    private static String checkMapped(NodeProcess node, ClassArchives.Plan plan) {
        Path maps = Path.of("/proc", String.valueOf(node.pid()), "maps");
        if (!Files.isReadable(maps)) return null;
        try {
            if (isMapped(Files.readString(maps), plan.archive())) return null;
            Files.deleteIfExists(plan.archive());
            return "class archive " + plan.archive() + " was not usable by the " + node.spec().name()
                    + " JVM (see its log); deleted, the next start records a new one";
        } catch (IOException e) {
            return null;
        }
    }

    /** True when {@code /proc/<pid>/maps} text shows {@code archive} mapped. */
    static boolean isMapped(String procMaps, Path archive) {
        String name = archive.toAbsolutePath().toString();
        return procMaps.lines().anyMatch(l -> l.endsWith(" " + name) || l.endsWith("\t" + name));
    }

    private static String keep(NodeProcess node, ClassArchives.Plan plan, Path dump) {
        String role = node.spec().name();
        OptionalInt exit = node.exitCode();
        if (exit.isEmpty()) return "class archive for " + role + " nodes not recorded: the node did not stop";
        if (!CLEAN_EXITS.contains(exit.getAsInt()) || !ClassArchives.isUsable(dump)) {
            return "class archive for " + role + " nodes not recorded: the node exited with code " + exit.getAsInt()
                    + (ClassArchives.isUsable(dump) ? "" : " without writing it") + " (see its log)";
        }
        Path archive = plan.archive();
        try {
            removeLeftovers(archive);
            Files.writeString(sidecar(dump), plan.fingerprint());
            move(sidecar(dump), sidecar(archive));
            move(dump, archive);
            removeOthers(archive, role);
            return "recorded the class archive of " + role + " nodes (" + Files.size(archive) / (1 << 20)
                    + " MB) in " + archive.getParent() + ": later starts use it";
        } catch (IOException e) {
            return "class archive for " + role + " nodes not recorded: " + e.getMessage();
        }
    }

    /**
     * Deletes temporary dumps of {@code archive} ({@link ClassArchives.Plan#dumpFile}) whose launcher is no longer
     * running (killed while its node wrote the dump); those of running launchers, this one included, stay.
     */
    static void removeLeftovers(Path archive) throws IOException {
        String prefix = archive.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), prefix + "*.tmp*")) {
            for (Path leftover : files) {
                String name = leftover.getFileName().toString();
                String pid = name.substring(prefix.length(), name.indexOf(".tmp", prefix.length()));
                if (!launcherRuns(pid)) Files.deleteIfExists(leftover);
            }
        }
    }

    private static boolean launcherRuns(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The fingerprint kept beside an archive ({@code <archive>.txt}). */
    static Path sidecar(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".txt");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the role's other archives made for the same runtime (stale: made before the JDK, an artefact or the
     * options changed), so a rebuilt tree does not pile up ~150 MB files; archives of other runtimes stay.
     */
    static void removeOthers(Path archive, String role) throws IOException {
        List<String> mine = runtimeLines(sidecar(archive));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), role + "-*.jsa")) {
            for (Path other : files) {
                if (other.equals(archive)) continue;
                if (runtimeLines(sidecar(other)).equals(mine) || !Files.exists(sidecar(other))) {
                    Files.deleteIfExists(other);
                    Files.deleteIfExists(sidecar(other));
                }
            }
        }
    }

    /** The path of payara-micro.jar in a fingerprint: which runtime an archive was made for. */
    private static List<String> runtimeLines(Path sidecar) {
        try {
            return Files.readAllLines(sidecar).stream().filter(l -> l.startsWith("artefact ") && l.contains("payara-micro.jar"))
                    .map(l -> l.substring(0, l.indexOf("payara-micro.jar"))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
