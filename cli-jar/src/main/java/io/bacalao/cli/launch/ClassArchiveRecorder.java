package io.bacalao.cli.launch;

import io.bacalao.payara.NodeProcess;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Before a ready recording node stops: dumps its class archive ({@code jcmd <pid> VM.cds dynamic_dump}, the
 * classes it has loaded so far); after a node is ready: checks that a node launched with an archive mapped it. A node that did
 * not (the JVM found the file unusable: another JDK build, a damaged file) has its archive deleted, so that the next
 * recording start makes a new one. Nothing here fails a start or a stop: every problem is a line for the user.
 */
final class ClassArchiveRecorder {
    /** Longest wait for the dump; the JVM writes ~150 MB at a safepoint, ~5-10 s on a busy 2-core machine. */
    static final long DUMP_TIMEOUT_SECONDS = 180;

    private ClassArchiveRecorder() {
    }

    /**
     * Once a node is ready: checks that a node launched with an archive mapped it. A recording node is not dumped
     * here (the dump holds the node at a safepoint for seconds, minutes on a loaded machine: a user's first
     * commands and the test's got no answer) but by {@link #beforeStop}. Returns a line for the user, or null.
     */
    static String afterReady(NodeProcess node, ClassArchives.Plan plan) {
        return plan.mode() == ClassArchives.Mode.USE ? checkMapped(node, plan) : null;
    }

    /**
     * When a ready node that records is about to be stopped: dumps its archive first (what the next start uses).
     * Returns a line for the user, or null.
     */
    static String beforeStop(NodeProcess node, ClassArchives.Plan plan, ClassArchives archives, Path javaHome) {
        if (plan.mode() != ClassArchives.Mode.RECORD) return null;
        try {
            return node.isAlive() ? record(node, plan, javaHome) : null;
        } finally {
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

    private static String record(NodeProcess node, ClassArchives.Plan plan, Path javaHome) {
        Path archive = plan.archive();
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + node.pid() + ".tmp");
        try {
            Files.createDirectories(archive.getParent());
            removeLeftovers(archive);
            Path jcmd = javaHome.resolve("bin").resolve("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(node.pid()), "VM.cds", "dynamic_dump",
                    tmp.toAbsolutePath().toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(DUMP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "class archive for " + node.spec().name() + " nodes not recorded: jcmd did not finish";
            }
            if (p.exitValue() != 0 || !ClassArchives.isUsable(tmp)) {
                return "class archive for " + node.spec().name() + " nodes not recorded: " + out.strip().replace('\n', ' ');
            }
            Files.writeString(sidecar(tmp), plan.fingerprint());
            move(sidecar(tmp), sidecar(archive));
            move(tmp, archive);
            removeOthers(archive, node.spec().name());
            return "recorded the class archive of " + node.spec().name() + " nodes (" + Files.size(archive) / (1 << 20)
                    + " MB) in " + archive.getParent() + ": later starts use it";
        } catch (IOException e) {
            return "class archive for " + node.spec().name() + " nodes not recorded: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(sidecar(tmp));
            } catch (IOException ignored) {
                // a leftover temporary file is overwritten by the next recording
            }
        }
    }

    /**
     * Deletes temporary dumps of {@code archive} left by a launcher that exited during a dump (e.g. Ctrl+C right
     * after devstack was ready: the JVM does not wait for the recording thread).
     */
    static void removeLeftovers(Path archive) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), archive.getFileName() + ".*.tmp*")) {
            for (Path leftover : files) Files.deleteIfExists(leftover);
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
