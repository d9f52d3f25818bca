package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.payara.BrokerAddress;
import io.bacalao.payara.NodeSpec;
import io.bacalao.payara.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchivesTest {
    @TempDir
    Path tmp;
    RuntimeLayout runtime;
    Path jdk;
    Path cache;

    @BeforeEach
    void layout() throws IOException {
        runtime = new RuntimeLayout(Files.createDirectories(tmp.resolve("runtime")));
        for (Path p : List.of(runtime.payaraMicro(), runtime.brokerWar(), runtime.resourceAdapter(), runtime.orchestratorWar(),
                runtime.computeWar(), runtime.postgresDriver())) {
            Files.writeString(p, "artefact " + p.getFileName());
        }
        jdk = Files.createDirectories(tmp.resolve("jdk"));
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/server/libjvm.so"), "jvm");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        cache = tmp.resolve("cache");
    }

    static NodeSpec node(boolean orchestrator, List<String> options) {
        return new NodeSpec("n-1", orchestrator, !orchestrator, Path.of("/data"), "127.0.0.1", 1234,
                new BrokerAddress("127.0.0.1", 4222, Map.of(), "t"), orchestrator,
                NodeSpec.Database.h2(Path.of("/data")), Map.of(), options);
    }

    ClassArchives recording() {
        return new ClassArchives(cache, true, true);
    }

    @Test
    void withoutAnArchiveTheFirstNodeOfARoleRecordsAndTheOthersRunWithout() {
        ClassArchives archives = recording();
        ClassArchives.Plan first = archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk);
        ClassArchives.Plan second = archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk);
        ClassArchives.Plan orchestrator = archives.plan(node(true, List.of("-Xmx384m")), runtime, jdk);
        assertEquals(ClassArchives.Mode.RECORD, first.mode());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + first.dumpFile(), "-Xlog:cds=error"), first.jvmOptions());
        assertEquals(first.archive().resolveSibling(first.archive().getFileName() + "." + ProcessHandle.current().pid() + ".tmp"),
                first.dumpFile(), "written beside the archive, named by this launcher");
        assertEquals(ClassArchives.Mode.NONE, second.mode());
        assertEquals(List.of(), second.jvmOptions());
        assertEquals(ClassArchives.Mode.RECORD, orchestrator.mode(), "each role has its own archive");
        assertNotEquals(first.archive(), orchestrator.archive());
        archives.recordingEnded(first.archive());
        assertEquals(ClassArchives.Mode.RECORD, archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk).mode(),
                "a recording that ended without an archive may be tried again");
    }

    @Test
    void anExistingArchiveIsUsedByEveryNodeOfItsRole() throws IOException {
        ClassArchives archives = recording();
        Path archive = archives.plan(node(false, List.of()), runtime, jdk).archive();
        Files.createDirectories(cache);
        Files.writeString(archive, "cds");
        for (int i = 0; i < 2; i++) {
            ClassArchives.Plan plan = archives.plan(node(false, List.of()), runtime, jdk);
            assertEquals(ClassArchives.Mode.USE, plan.mode());
            assertEquals(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), plan.jvmOptions());
        }
    }

    @Test
    void anEmptyArchiveFileIsNotUsed() throws IOException {
        ClassArchives archives = new ClassArchives(cache, true, false);
        Path archive = archives.plan(node(true, List.of()), runtime, jdk).archive();
        Files.createDirectories(cache);
        Files.write(archive, new byte[0]);
        assertEquals(ClassArchives.Mode.NONE, archives.plan(node(true, List.of()), runtime, jdk).mode());
    }

    @Test
    void hasArchiveTellsWhetherARecordingWouldAddOneAndPlansNothing() throws IOException {
        ClassArchives archives = recording();
        NodeSpec compute = node(false, List.of());

        assertFalse(archives.hasArchive(compute, runtime, jdk));
        assertEquals(ClassArchives.Mode.RECORD, archives.plan(compute, runtime, jdk).mode(), "hasArchive planned a recording");
        Files.createDirectories(cache);
        Files.write(archives.plan(compute, runtime, jdk).archive(), new byte[]{1});
        assertTrue(archives.hasArchive(compute, runtime, jdk));
        assertTrue(new ClassArchives(cache, false, true).hasArchive(node(true, List.of()), runtime, jdk), "turned off: nothing to add");
        assertTrue(archives.hasArchive(node(true, List.of("-Xshare:off")), runtime, jdk), "the user's own sharing: nothing to add");
    }

    @Test
    void aRebuiltArtefactAnotherJdkOrOtherOptionsMakeTheArchiveStale() throws IOException {
        ClassArchives archives = new ClassArchives(cache, true, false);
        Path before = archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk).archive();

        Files.setLastModifiedTime(runtime.computeWar(), FileTime.fromMillis(1_000_000));
        Path rebuiltWar = archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk).archive();
        assertNotEquals(before, rebuiltWar, "a rebuilt WAR (new modification time)");

        Files.writeString(runtime.payaraMicro(), "another, longer payara-micro.jar");
        Path newPayara = archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk).archive();
        assertNotEquals(rebuiltWar, newPayara, "another Payara Micro");

        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.2\"\n");
        Path newJdk = archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk).archive();
        assertNotEquals(newPayara, newJdk, "another JDK version");

        Path otherOptions = archives.plan(node(false, List.of("-Xmx384m", "-XX:-UseCompactObjectHeaders")), runtime, jdk).archive();
        assertNotEquals(newJdk, otherOptions, "other JVM options");
        assertEquals(newJdk, archives.plan(node(false, List.of("-Xmx384m")), runtime, jdk).archive(), "nothing changed: same archive");
        assertEquals(newJdk, archives.plan(node(false, List.of("-Xmx384m", "-Xlog:gc", "-XX:NativeMemoryTracking=summary", "-Dx=y")),
                runtime, jdk).archive(), "logging, NMT and properties do not change what an archive holds");
    }

    @Test
    void aMissingArtefactStillGivesAFingerprintNotAFailure() throws IOException {
        Files.delete(runtime.brokerWar());
        String fingerprint = ClassArchives.fingerprint(jdk, runtime, List.of());
        assertTrue(fingerprint.contains("broker.war missing"), fingerprint);
    }

    @Test
    void turnedOffOrSharingChosenByTheUserMeansNoArchive() throws IOException {
        assertEquals(ClassArchives.Mode.NONE, new ClassArchives(cache, false, true).plan(node(false, List.of()), runtime, jdk).mode());
        for (String own : List.of("-Xshare:off", "-XX:SharedArchiveFile=/x.jsa", "-XX:ArchiveClassesAtExit=/y.jsa", "-XX:AOTCache=/z.aot")) {
            assertEquals(ClassArchives.Mode.NONE, recording().plan(node(false, List.of(own)), runtime, jdk).mode(), own);
        }
    }

    @Test
    void theEnvironmentTurnsArchivesOffAndMovesThem() {
        assertEquals(ClassArchives.Mode.NONE, ClassArchives.fromEnvironment(Map.of(ClassArchives.DISABLE_ENV, "0"), true)
                .plan(node(false, List.of()), runtime, jdk).mode());
        assertEquals(Path.of("/somewhere"), ClassArchives.directory(Map.of(ClassArchives.DIR_ENV, "/somewhere")));
        assertEquals(Path.of("/xdg/bacalao/node-cds"), ClassArchives.directory(Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of("/home/u/.cache/bacalao/node-cds"), ClassArchives.directory(Map.of("HOME", "/home/u")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "bacalao", "node-cds"), ClassArchives.directory(Map.of()));
    }

    @Test
    void aMappedArchiveIsFoundInProcMaps() {
        Path archive = Path.of("/home/u/.cache/bacalao/node-cds/compute-0123.jsa");
        String maps = """
                7f0000000000-7f0000100000 r--p 00000000 08:01 1234                       /usr/lib/jvm/jdk/lib/server/classes.jsa
                800000000-800400000 rw-p 00001000 08:01 5678                             /home/u/.cache/bacalao/node-cds/compute-0123.jsa
                """;
        assertTrue(ClassArchiveRecorder.isMapped(maps, archive));
        assertFalse(ClassArchiveRecorder.isMapped(maps, Path.of("/home/u/.cache/bacalao/node-cds/compute-9999.jsa")));
        assertFalse(ClassArchiveRecorder.isMapped("", archive));
    }

    @Test
    void aNewArchiveReplacesTheStaleOnesOfItsRuntimeOnly() throws IOException {
        Files.createDirectories(cache);
        Path current = cache.resolve("compute-aaaa.jsa");
        Path stale = cache.resolve("compute-bbbb.jsa");
        Path otherRuntime = cache.resolve("compute-cccc.jsa");
        Path orchestrator = cache.resolve("orchestrator-dddd.jsa");
        String mine = ClassArchives.fingerprint(jdk, runtime, List.of());
        for (Path p : List.of(current, stale, otherRuntime, orchestrator)) Files.writeString(p, "cds");
        Files.writeString(ClassArchiveRecorder.sidecar(current), mine);
        Files.writeString(ClassArchiveRecorder.sidecar(stale), mine.replace("options ", "options -Xmx1g"));
        Files.writeString(ClassArchiveRecorder.sidecar(otherRuntime), mine.replace(runtime.dir().toString(), "/elsewhere/runtime"));
        Files.writeString(ClassArchiveRecorder.sidecar(orchestrator), mine);
        ClassArchiveRecorder.removeOthers(current, "compute");
        assertTrue(Files.exists(current));
        assertFalse(Files.exists(stale) || Files.exists(ClassArchiveRecorder.sidecar(stale)));
        assertTrue(Files.exists(otherRuntime), "another checkout's archive stays");
        assertTrue(Files.exists(orchestrator), "another role's archive stays");
    }

    @Test
    void aDumpLeftByALauncherThatDiedIsRemovedWhenTheNextRecordingEnds() throws IOException {
        Files.createDirectories(cache);
        Path archive = cache.resolve("compute-aaaa.jsa");
        long gone = 1L << 40;   // above any pid_max: no such process
        Path leftover = cache.resolve("compute-aaaa.jsa." + gone + ".tmp");
        Path leftoverFingerprint = cache.resolve("compute-aaaa.jsa." + gone + ".tmp.txt");
        Path running = cache.resolve("compute-aaaa.jsa." + ProcessHandle.current().pid() + ".tmp");
        Path otherArchive = cache.resolve("compute-bbbb.jsa." + gone + ".tmp");
        for (Path p : List.of(leftover, leftoverFingerprint, running, otherArchive)) Files.writeString(p, "partial");
        ClassArchiveRecorder.removeLeftovers(archive);
        assertFalse(Files.exists(leftover) || Files.exists(leftoverFingerprint));
        assertTrue(Files.exists(running), "a running launcher's node may be writing it");
        assertTrue(Files.exists(otherArchive), "another archive's leftovers go when that archive is recorded");
    }
}
