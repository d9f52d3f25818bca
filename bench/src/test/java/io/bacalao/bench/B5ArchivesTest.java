package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.launch.ClassArchives;
import io.bacalao.cli.launch.LocalCluster;
import io.bacalao.cli.launch.NodeSpecs;
import io.bacalao.payara.NodeSpec;
import io.bacalao.payara.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class archives B5 records before it measures: those a start of the profile would not find. */
class B5ArchivesTest {
    @TempDir
    Path dir;

    /** A runtime folder with every artefact a node launch names (their contents do not matter here). */
    private Path runtime(String name) throws IOException {
        Path runtime = Files.createDirectories(dir.resolve(name));
        for (String f : List.of("payara-micro.jar", "broker.war", "artemis-ra.rar", "orchestrator.war", "compute-node.war",
                "postgresql.jar")) {
            Files.writeString(runtime.resolve(f), f);
        }
        Files.createDirectories(runtime.resolve("lib"));
        return runtime;
    }

    /** Writes the archives that a start of {@code profile} would map, for both roles, as a recording start would. */
    private void record(String profile, Path archives) throws IOException {
        Path root = Files.createDirectories(dir.resolve("cluster"));
        ClassArchives recorder = new ClassArchives(archives, true, true);
        Path runtime = Path.of(profile.split("@", 2)[1]).toAbsolutePath().normalize();
        try (LocalCluster cluster = B5Footprint.cluster(profile, root, 1, false, archives)) {
            for (var config : List.of(cluster.orchestratorConfig(), cluster.computeConfig(1))) {
                NodeSpec spec = B5Footprint.options(profile).apply(NodeSpecs.of(config));
                Path archive = recorder.plan(spec, new RuntimeLayout(runtime), Path.of(System.getProperty("java.home")))
                        .archive();
                Files.writeString(archive, "archived classes");
            }
        }
    }

    @Test
    void archivesRecordedForTheProfileAreFound() throws IOException {
        String profile = "current+cds@" + runtime("runtime");
        Path archives = dir.resolve("b5-cds");
        assertTrue(B5Footprint.lacksArchives(profile, 1, archives), "nothing recorded yet");
        record(profile, archives);
        assertFalse(B5Footprint.lacksArchives(profile, 1, archives));
    }

    @Test
    void otherJvmOptionsOnTheSameRuntimeLackTheirOwn() throws IOException {
        Path runtime = runtime("runtime");
        Path archives = dir.resolve("b5-cds");
        record("current+cds@" + runtime, archives);
        assertTrue(B5Footprint.lacksArchives("current%-XX:CompileThresholdScaling=1+cds@" + runtime, 1, archives));
        assertTrue(B5Footprint.lacksArchives("previous+cds@" + runtime, 1, archives));
    }

    @Test
    void aRebuiltWarMakesThemStale() throws IOException {
        Path runtime = runtime("runtime");
        String profile = "current+cds@" + runtime;
        Path archives = dir.resolve("b5-cds");
        record(profile, archives);
        Path war = runtime.resolve("orchestrator.war");
        Files.setLastModifiedTime(war, FileTime.fromMillis(Files.getLastModifiedTime(war).toMillis() + 1000));
        assertTrue(B5Footprint.lacksArchives(profile, 1, archives), "same size, newer time");
    }

    @Test
    void archivesOfAnotherRuntimeAreNotThisOnes() throws IOException {
        Path runtime = runtime("runtime");
        Path archives = dir.resolve("b5-cds");
        record("current+cds@" + runtime, archives);
        assertTrue(B5Footprint.lacksArchives("current+cds@" + runtime("copy"), 1, archives));
    }
}
