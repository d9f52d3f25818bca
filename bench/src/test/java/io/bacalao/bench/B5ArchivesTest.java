package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class B5ArchivesTest {
    @TempDir
    Path dir;

    private static String stamp(Path p) throws IOException {
        return "artefact " + p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
    }

    /** Both roles' fingerprints, naming payara-micro.jar and a WAR as they are now. */
    private Path archivesFor(Path payara, Path war) throws IOException {
        Path archives = Files.createDirectories(dir.resolve("b5-cds"));
        String fingerprint = "jdk x\n" + stamp(payara) + "\n" + stamp(war) + "\n";
        Files.writeString(archives.resolve("orchestrator-1.jsa.txt"), fingerprint);
        Files.writeString(archives.resolve("compute-2.jsa.txt"), fingerprint);
        return archives;
    }

    @Test
    void archivesOfTheRuntimeAsItIsAreFound() throws IOException {
        Path payara = Files.writeString(dir.resolve("payara-micro.jar"), "payara");
        Path war = Files.writeString(dir.resolve("my app.war"), "classes");
        assertTrue(B5Footprint.hasArchives(archivesFor(payara, war), payara));
    }

    @Test
    void aRebuiltWarMakesThemStale() throws IOException {
        Path payara = Files.writeString(dir.resolve("payara-micro.jar"), "payara");
        Path war = Files.writeString(dir.resolve("orchestrator.war"), "classes");
        Path archives = archivesFor(payara, war);
        Files.setLastModifiedTime(war, FileTime.fromMillis(Files.getLastModifiedTime(war).toMillis() + 1000));
        assertFalse(B5Footprint.hasArchives(archives, payara), "same size, newer time");
        Files.writeString(war, "other classes");
        assertFalse(B5Footprint.hasArchives(archives, payara), "another size");
    }

    @Test
    void archivesOfAnotherRuntimeOrOfOneRoleAreNotEnough() throws IOException {
        Path payara = Files.writeString(dir.resolve("payara-micro.jar"), "payara");
        Path war = Files.writeString(dir.resolve("orchestrator.war"), "classes");
        Path archives = archivesFor(payara, war);
        assertFalse(B5Footprint.hasArchives(archives, dir.resolve("elsewhere/payara-micro.jar")));
        Files.delete(archives.resolve("compute-2.jsa.txt"));
        assertFalse(B5Footprint.hasArchives(archives, payara));
    }
}
