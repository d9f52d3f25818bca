package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void theWarsThirdPartyJarsMoveToLibAndOurOwnStay() throws IOException {
        RuntimeLayout runtime = runtime(List.of("jackson-core-2.22.4.jar", "bacalao-domain-0.1.0-SNAPSHOT.jar"),
                List.of("jackson-core-2.22.4.jar", "docker-java-core-3.7.1.jar", "bacalao-compute-ejb-0.1.0-SNAPSHOT.jar"),
                List.of("slf4j-api-2.0.17.jar"));
        Files.createDirectories(runtime.libraries());
        Files.writeString(runtime.libraries().resolve("jackson-core-2.21.0.jar"), "an earlier build's");

        assertEquals(Map.of("compute-node.war", 2, "orchestrator.war", 1, "broker.war", 1, "artemis-ra.rar", 0),
                RuntimeLibraries.split(runtime));

        assertEquals(new TreeSet<>(List.of("docker-java-core-3.7.1.jar", "jackson-core-2.22.4.jar", "slf4j-api-2.0.17.jar")),
                list(runtime.libraries()));
        assertEquals("jar jackson-core-2.22.4.jar", Files.readString(runtime.libraries().resolve("jackson-core-2.22.4.jar")));
        assertEquals(List.of("WEB-INF/web.xml", "WEB-INF/lib/bacalao-domain-0.1.0-SNAPSHOT.jar"), entries(runtime.orchestratorWar()));
        assertEquals(List.of("WEB-INF/web.xml", "WEB-INF/lib/bacalao-compute-ejb-0.1.0-SNAPSHOT.jar"), entries(runtime.computeWar()));
        assertEquals(List.of("WEB-INF/web.xml"), entries(runtime.brokerWar()));
    }

    @Test
    void theAdapterKeepsOnlyTheJarsLibLacks() throws IOException {
        RuntimeLayout runtime = runtime(List.of("netty-common-4.1.131.Final.jar"), List.of(),
                List.of("artemis-core-client-2.53.0.jar"));

        assertEquals(1, RuntimeLibraries.split(runtime).get("artemis-ra.rar"));

        assertEquals(List.of("META-INF/ra.xml", "jgroups-5.3.13.Final.jar"), entries(runtime.resourceAdapter()));
        assertEquals(new TreeSet<>(List.of("artemis-core-client-2.53.0.jar", "netty-common-4.1.131.Final.jar")),
                list(runtime.libraries()));
    }

    @Test
    void aLibraryInTwoVersionsIsRefusedAndNothingChanges() throws IOException {
        RuntimeLayout runtime = runtime(List.of("commons-io-2.20.0.jar"), List.of("commons-io-2.21.0.jar"),
                List.of("commons-lang3-3.20.0.jar"));
        byte[] before = Files.readAllBytes(runtime.orchestratorWar());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuntimeLibraries.split(runtime));

        assertTrue(e.getMessage().contains("commons-io=[commons-io-2.20.0.jar, commons-io-2.21.0.jar]"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(runtime.orchestratorWar()));
        assertFalse(Files.exists(runtime.libraries()));
    }

    @Test
    void aLibraryAlsoInTheBrokerWarMustHaveItsVersion() throws IOException {
        RuntimeLayout runtime = runtime(List.of("commons-lang3-3.18.0.jar"), List.of(), List.of("commons-lang3-3.20.0.jar"));
        assertThrows(IllegalStateException.class, () -> RuntimeLibraries.split(runtime));
    }

    @Test
    void theLibraryIsTheNameBeforeItsVersion() {
        assertEquals("jackson-annotations", RuntimeLibraries.library("jackson-annotations-2.22.jar"));
        assertEquals("bcprov-jdk18on", RuntimeLibraries.library("bcprov-jdk18on-1.82.jar"));
        assertEquals("netty-transport-native-epoll", RuntimeLibraries.library("netty-transport-native-epoll-4.1.131.Final-linux-x86_64.jar"));
        assertEquals("listenablefuture", RuntimeLibraries.library("listenablefuture-9999.0-empty-to-avoid-conflict-with-guava.jar"));
        assertEquals("third-party-jackson-core", RuntimeLibraries.library("third-party-jackson-core-2.57.8.jar"));
        assertEquals("unversioned", RuntimeLibraries.library("unversioned.jar"));
    }

    /**
     * A runtime whose WARs carry these jars (each jar's content is "jar <name>"), broker.war the third list; the
     * adapter carries artemis-core-client and jgroups.
     */
    private RuntimeLayout runtime(List<String> orchestrator, List<String> compute, List<String> broker) throws IOException {
        war(dir.resolve("orchestrator.war"), orchestrator);
        war(dir.resolve("compute-node.war"), compute);
        war(dir.resolve("broker.war"), broker);
        try (ZipOutputStream rar = new ZipOutputStream(Files.newOutputStream(dir.resolve("artemis-ra.rar")))) {
            for (String entry : List.of("META-INF/ra.xml", "artemis-core-client-2.53.0.jar", "jgroups-5.3.13.Final.jar")) {
                rar.putNextEntry(new ZipEntry(entry));
                rar.closeEntry();
            }
        }
        return new RuntimeLayout(dir);
    }

    private static void war(Path file, List<String> jars) throws IOException {
        try (ZipOutputStream war = new ZipOutputStream(Files.newOutputStream(file))) {
            war.putNextEntry(new ZipEntry("WEB-INF/web.xml"));
            war.write("<web-app/>".getBytes(StandardCharsets.UTF_8));
            for (String jar : jars) {
                war.putNextEntry(new ZipEntry("WEB-INF/lib/" + jar));
                war.write(("jar " + jar).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        }
    }

    private static TreeSet<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
