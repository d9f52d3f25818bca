package io.bacalao.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bacalao} launcher's fast path (docs/cli-startup.md), on a copy of the checkout's launcher, jar and AOT
 * cache in a temporary directory (the checkout itself is never changed): a cache that is valid is used; one that is
 * stale, damaged, truncated, empty or missing changes nothing a user sees; and the staleness check still builds
 * when a source is newer than the jar, and only then.
 */
class LauncherIT {
    static final Path REPO = Path.of(System.getProperty("bacalao.repo", "..")).toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("cli-jar/target/bacalao-cli.jar");
    static final Path CACHE = REPO.resolve("cli-jar/target/bacalao-cli.aot");

    @TempDir
    Path home;
    @TempDir
    Path checkout;
    Path jar;
    Path cache;
    Path mavenCalls;

    /** A checkout with the launcher, the built jar (same content and time) and artefacts, and a recording {@code mvn}. */
    @BeforeEach
    void layout() throws IOException {
        Files.copy(REPO.resolve("bacalao"), checkout.resolve("bacalao"), StandardCopyOption.COPY_ATTRIBUTES);
        Path jvm = Files.createDirectories(checkout.resolve("cli-jar/src/main/jvm"));
        Files.copy(REPO.resolve("cli-jar/src/main/jvm/launcher.args"), jvm.resolve("launcher.args"));
        Path target = Files.createDirectories(checkout.resolve("cli-jar/target"));
        jar = Files.copy(JAR, target.resolve("bacalao-cli.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        cache = target.resolve("bacalao-cli.aot");
        Files.createSymbolicLink(target.resolve("runtime"), REPO.resolve("cli-jar/target/runtime"));
        Files.writeString(Files.createDirectories(checkout.resolve("domain/src/main/java")).resolve("Model.java"), "class Model {}\n");
        Files.setLastModifiedTime(checkout.resolve("domain/src/main/java/Model.java"), FileTime.from(Instant.now().minusSeconds(3600)));
        Path bin = Files.createDirectories(home.resolve("bin"));
        mavenCalls = home.resolve("mvn-calls");
        // stands for Maven only in the staleness tests: records that the launcher asked for a build, builds nothing
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho \"$@\" >> '" + mavenCalls + "'\necho '[INFO] BUILD SUCCESS'\n");
        bin.resolve("mvn").toFile().setExecutable(true);
    }

    @Test
    void aValidCacheIsUsed() throws Exception {
        assertTrue(Files.isRegularFile(CACHE), "the build makes the AOT cache on JDK 25: " + CACHE);
        Files.copy(CACHE, cache, StandardCopyOption.COPY_ATTRIBUTES);
        Path classLog = home.resolve("classes.log");
        Run r = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog), "version", "--client");
        assertEquals(0, r.code, r.out);
        assertTrue(Files.readString(classLog).contains("io.bacalao.cli.Main source: shared objects file"),
                "the CLI's classes come from the AOT cache");
    }

    @Test
    void aCacheOlderThanTheJarIsNotPassedAndTheCommandRuns() throws Exception {
        Files.copy(CACHE, cache);
        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(60)));
        assertCommandsRunAsWithoutACache();
    }

    @Test
    void aDamagedCacheIsSkippedSilently() throws Exception {
        byte[] noise = new byte[1 << 20];
        new Random(7).nextBytes(noise);
        Files.write(cache, noise);
        assertCommandsRunAsWithoutACache();
    }

    @Test
    void aTruncatedCacheIsSkippedSilently() throws Exception {
        try (InputStream in = Files.newInputStream(CACHE)) {
            Files.write(cache, in.readNBytes(1 << 20));
        }
        assertCommandsRunAsWithoutACache();
    }

    @Test
    void anEmptyCacheIsSkippedSilently() throws Exception {
        Files.write(cache, new byte[0]);
        assertCommandsRunAsWithoutACache();
    }

    @Test
    void aCacheForAnotherJarIsSkippedSilently() throws Exception {
        Files.copy(CACHE, cache);
        Files.write(jar, Files.readAllBytes(JAR)); // same classes, another time stamp: the JVM refuses the cache
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(5)));
        assertCommandsRunAsWithoutACache();
    }

    @Test
    void aMissingCacheChangesNothing() throws Exception {
        assertCommandsRunAsWithoutACache();
    }

    @Test
    void aSourceNewerThanTheJarMakesTheLauncherBuildFirst() throws Exception {
        Files.setLastModifiedTime(checkout.resolve("domain/src/main/java/Model.java"), FileTime.from(Instant.now().plusSeconds(5)));
        Run r = run(Map.of(), "version", "--client");
        assertEquals(0, r.code, r.out);
        assertTrue(r.out.contains("Building Bacalao (first run or sources changed)"), r.out);
        assertEquals("-B -DskipTests install", Files.readString(mavenCalls).trim());
        assertTrue(r.out.contains("CLIENT"), r.out);
    }

    @Test
    void nothingNewerThanTheJarMeansNoBuild() throws Exception {
        Path gitFile = Files.createDirectories(checkout.resolve(".git")).resolve("index.xml");
        Files.writeString(gitFile, "<not a source/>");
        Path built = Files.createDirectories(checkout.resolve("domain/target/classes")).resolve("Generated.java");
        Files.writeString(built, "class Generated {}\n");
        // a nested module's build output and npm's packages are not sources either
        Path nested = Files.createDirectories(checkout.resolve("compute-ejb/ejb/target/generated-sources")).resolve("Gen.java");
        Files.writeString(nested, "class Gen {}\n");
        Path npm = Files.createDirectories(checkout.resolve("system-tests/ipfs-node/node_modules/pkg")).resolve("build.xml");
        Files.writeString(npm, "<project/>");
        Run r = run(Map.of(), "version", "--client");
        assertEquals(0, r.code, r.out);
        assertFalse(Files.exists(mavenCalls), "Maven was run: " + r.out);
        assertFalse(r.out.contains("Building"), r.out);
    }

    /** A command that needs no server and one whose server is not there: the output of a launcher without cache. */
    private void assertCommandsRunAsWithoutACache() throws Exception {
        Run version = run(Map.of(), "version", "--client");
        assertEquals(0, version.code, version.out);
        assertTrue(version.out.startsWith(" CLIENT"), version.out);
        assertEquals(run(Map.of("BACALAO_AOT", "0"), "version", "--client").out, version.out);
        Run list = run(Map.of(), "job", "list", "--api-port", "1");
        assertEquals(1, list.code, list.out);
        assertTrue(list.out.startsWith("Error: could not connect to the orchestrator at 127.0.0.1:1"), list.out);
        assertFalse(version.out.contains("aot") || list.out.contains("aot") || list.out.contains("AOT"), list.out);
        assertFalse(Files.exists(mavenCalls), "no build");
    }

    private record Run(int code, String out) {
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(checkout.resolve("bacalao").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("BACALAO_SKIP_BUILD");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher ends");
        String filtered = out.lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).reduce("", (a, b) -> a + b + "\n");
        return new Run(p.exitValue(), filtered);
    }
}
