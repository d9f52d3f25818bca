package io.bacalao.cli.launch;

import io.bacalao.payara.NodeSpec;
import io.bacalao.payara.RuntimeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a node role's class archive (a HotSpot dynamic CDS archive, docs/node-footprint.md) lives and whether a
 * node launch uses one, records one, or runs without. An archive is valid only for the JDK, the node runtime's
 * artefacts (payara-micro.jar, the WARs, the resource adapter, the driver) and the JVM options it was made with;
 * all of them go into a fingerprint that names the file, so a changed JDK, a rebuilt WAR or other options find no
 * archive (stale: ignored) and the next recording start makes a new one. The JVM checks the archive again when it
 * maps it and runs without one it cannot use, so a damaged or foreign file costs only its benefit, never the start.
 *
 * <p>{@value #DISABLE_ENV}{@code =0} turns archives off; {@value #DIR_ENV} moves them from the default
 * {@code $XDG_CACHE_HOME/bacalao/node-cds} (or {@code ~/.cache/bacalao/node-cds}): a user cache rather than a
 * node's data dir, because devstack and the tests start from clean data dirs and every node of a role can share
 * one archive.
 */
public final class ClassArchives {
    static final String DISABLE_ENV = "BACALAO_NODE_CDS";
    static final String DIR_ENV = "BACALAO_NODE_CDS_DIR";

    /** What a node launch does about its role's archive. */
    public enum Mode {
        /** Runs without an archive (turned off, or another node of the role records it now). */
        NONE,
        /** Maps the role's archive. */
        USE,
        /**
         * Writes the archive as its JVM exits ({@code -XX:ArchiveClassesAtExit}, to {@link Plan#dumpFile}); once a
         * node that was ready has stopped, {@link ClassArchiveRecorder#afterStop} moves it into place. The JVM's
         * {@code [cds]} warnings are kept to errors: writing the archive names each class it leaves out (a few
         * hundred lines: generated proxies, classes of old class-file versions), which {@code serve} printed on
         * the terminal at Ctrl+C.
         */
        RECORD
    }

    /** The decision for one launch: the mode, the archive file it concerns and the JVM options that carry it out. */
    public record Plan(Mode mode, Path archive, String fingerprint) {
        /** No archive. */
        public static final Plan NONE = new Plan(Mode.NONE, null, null);

        public List<String> jvmOptions() {
            return switch (mode) {
                case NONE -> List.of();
                case USE -> List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
                case RECORD -> List.of("-XX:ArchiveClassesAtExit=" + dumpFile(), "-Xlog:cds=error");
            };
        }

        /**
         * Where a recording node's JVM writes the archive as it exits: beside the archive, named by this launcher's
         * pid (one recording per archive and launcher), so that a launcher that died leaves a file
         * {@link ClassArchiveRecorder#removeLeftovers} recognises.
         */
        public Path dumpFile() {
            return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        }
    }

    private final Path dir;
    private final boolean enabled;
    private final boolean record;
    /** Archives being recorded by this process now: one recording node per role and fingerprint. */
    private final Set<Path> recording = ConcurrentHashMap.newKeySet();

    /**
     * @param dir     where archives are kept
     * @param enabled false: every launch runs without an archive
     * @param record  true: a launch that finds no archive records one (devstack, serve, benchmarks); false: it
     *                runs without (the system tests: a dump pauses the node for seconds, which their short
     *                liveness timeouts would see)
     */
    public ClassArchives(Path dir, boolean enabled, boolean record) {
        this.dir = dir;
        this.enabled = enabled;
        this.record = record;
    }

    /** Archives as the environment sets them ({@value #DISABLE_ENV}, {@value #DIR_ENV}). */
    public static ClassArchives fromEnvironment(Map<String, String> env, boolean record) {
        return new ClassArchives(directory(env), !"0".equals(env.get(DISABLE_ENV)), record);
    }

    static Path directory(Map<String, String> env) {
        String configured = env.get(DIR_ENV);
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        String cache = env.get("XDG_CACHE_HOME");
        String home = env.getOrDefault("HOME", "");   // the user's $HOME; Java's user.home is the passwd entry's
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(home.isBlank() ? System.getProperty("user.home") : home, ".cache");
        return base.resolve("bacalao").resolve("node-cds");
    }

    public Path dir() {
        return dir;
    }

    public boolean recordsMissing() {
        return record;
    }

    /**
     * The plan for launching {@code spec}: USE when its role's archive exists and is not empty, RECORD when it does
     * not and this launcher records (and no other node of this launcher records it now), NONE otherwise. Options
     * that choose class sharing themselves ({@code -Xshare:…}, {@code -XX:SharedArchiveFile}, AOT cache options)
     * leave the launch alone.
     */
    public Plan plan(NodeSpec spec, RuntimeLayout runtime, Path javaHome) {
        if (!enabled || choosesSharingItself(spec.jvmOptions())) return Plan.NONE;
        String fingerprint = fingerprint(javaHome, runtime, spec.jvmOptions());
        Path archive = archiveFor(spec, fingerprint);
        if (isUsable(archive)) return new Plan(Mode.USE, archive, fingerprint);
        if (record && canWrite() && recording.add(archive)) return new Plan(Mode.RECORD, archive, fingerprint);
        return new Plan(Mode.NONE, archive, fingerprint);
    }

    /**
     * False only when a launch of {@code spec} would map an archive if there were one and there is none usable:
     * what a recording start would add. Plans nothing.
     */
    public boolean hasArchive(NodeSpec spec, RuntimeLayout runtime, Path javaHome) {
        if (!enabled || choosesSharingItself(spec.jvmOptions())) return true;
        return isUsable(archiveFor(spec, fingerprint(javaHome, runtime, spec.jvmOptions())));
    }

    private Path archiveFor(NodeSpec spec, String fingerprint) {
        return dir.resolve(spec.name() + "-" + hash(fingerprint) + ".jsa");
    }

    /** Makes the archive directory; false when it cannot be made (nothing is recorded then). */
    private boolean canWrite() {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (IOException e) {
            return false;
        }
    }

    /** A recording ended (made the archive or not): another launch may record it again. */
    void recordingEnded(Path archive) {
        recording.remove(archive);
    }

    static boolean isUsable(Path archive) {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean choosesSharingItself(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-Xshare:") || o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:AOT") || o.contains("AutoCreateSharedArchive"));
    }

    /**
     * What an archive depends on, as text (kept beside the archive, so a reader can see what it was made for): the
     * JDK (its home, its release file's version and its libjvm's size and time: another build of the same version
     * differs there), every runtime artefact (path, size, modification time: payara-micro.jar is the class path,
     * which the JVM requires unchanged; the WARs hold the classes the archive keeps) and the JVM options but
     * {@link #isDiagnostic} ones (heap size, collector and header layout decide whether an archive maps).
     */
    static String fingerprint(Path javaHome, RuntimeLayout runtime, List<String> jvmOptions) {
        List<String> lines = new ArrayList<>();
        lines.add("jdk " + javaHome.toAbsolutePath() + " " + jdkVersion(javaHome));
        lines.add("libjvm " + fileStamp(javaHome.resolve("lib").resolve("server").resolve("libjvm.so")));
        for (Path p : List.of(runtime.payaraMicro(), runtime.brokerWar(), runtime.resourceAdapter(),
                runtime.orchestratorWar(), runtime.computeWar(), runtime.postgresDriver(), runtime.libraries())) {
            lines.add("artefact " + fileStamp(p));
        }
        lines.add("options " + String.join(" ", jvmOptions.stream().filter(o -> !isDiagnostic(o)).toList()));
        return String.join("\n", lines) + "\n";
    }

    /** Options that do not change what an archive holds or how it maps: logging, NMT, system properties. */
    static boolean isDiagnostic(String option) {
        return option.startsWith("-Xlog") || option.startsWith("-XX:NativeMemoryTracking") || option.startsWith("-D");
    }

    private static String jdkVersion(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION=")
                    || l.startsWith("JAVA_RUNTIME_VERSION=") || l.startsWith("IMPLEMENTOR=")).sorted().toList().toString();
        } catch (IOException e) {
            return System.getProperty("java.vm.version", "?");
        }
    }

    /** {@code path size mtime-millis}, or {@code path missing}: how a fingerprint names an artefact. */
    static String fileStamp(Path p) {
        Path abs = p.toAbsolutePath();
        try {
            return abs + " " + Files.size(abs) + " " + Files.getLastModifiedTime(abs).toMillis();
        } catch (IOException e) {
            return abs + " missing";
        }
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
