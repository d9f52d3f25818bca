package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A started orchestrator (broker token, database password, a probe URL with credentials) and a compute node
 * joined with the token: their data dirs are 0700, the files holding the secrets 0600, and neither
 * {@code agent config} nor the node logs show any secret.
 */
class SecretsAtRestIT {
    static final String NAME = "secrets-at-rest";
    static final String TOKEN = "tok-7f3a9c";
    static final String DB_PASSWORD = "dbpw-51e0b2";
    static final String PROBE_PASSWORD = "probepw-c4d1";
    static final String PROBE_TOKEN = "probetok-88aa";
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve(NAME);
        cluster = TestCluster.create(NAME, Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN,
                ConfigKeys.DATABASE_URL, "jdbc:h2:" + root.resolve("orchestrator").resolve("db").resolve("bacalao") + ";WRITE_DELAY=0",
                ConfigKeys.DATABASE_USER, "sa", ConfigKeys.DATABASE_PASSWORD, DB_PASSWORD,
                "JobAdmissionControl.ProbeHTTP", "http://probe:" + PROBE_PASSWORD + "@127.0.0.1:9/ok?token=" + PROBE_TOKEN));
        cluster.start(0);
        cluster.startCompute(1, Map.of(ConfigKeys.DATABASE_URL, "", ConfigKeys.DATABASE_USER, "",
                ConfigKeys.DATABASE_PASSWORD, "", "JobAdmissionControl.ProbeHTTP", "")).awaitReady(TestCluster.READY);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void dataDirsArePrivateAndFilesWithSecretsOwnerOnly() throws IOException {
        for (String node : List.of("orchestrator", "compute-1")) {
            Path dir = cluster.root().resolve(node);
            assertEquals("rwx------", mode(dir), node);
            assertEquals("rwx------", mode(dir.resolve("payara")), node);
            for (String f : List.of("payara/preboot.txt", "payara/postboot.txt", "payara/node.properties", "node.log")) {
                assertEquals("rw-------", mode(dir.resolve(f)), node + "/" + f);
            }
        }
        Path boot = cluster.root().resolve("orchestrator").resolve("payara");
        assertTrue(Files.readString(boot.resolve("node.properties")).contains(DB_PASSWORD), "the file checked holds the password");
        assertFalse(Files.readString(boot.resolve("preboot.txt")).contains(DB_PASSWORD), "Payara logs its boot commands");
        assertTrue(Files.readString(boot.resolve("node.properties")).contains(TOKEN), "the file checked holds the token");
        Path computeBoot = cluster.root().resolve("compute-1").resolve("payara");
        assertTrue(Files.readString(computeBoot.resolve("postboot.txt")).contains(TOKEN),
                "the compute node's resource-adapter settings, checked above, hold the token");
    }

    @Test
    void agentConfigShowsNoSecret() {
        Cli.Result r = cluster.cli().run("agent", "config", "--output", "json");
        assertEquals(0, r.exitCode(), r.all());
        for (String secret : List.of(TOKEN, DB_PASSWORD, PROBE_PASSWORD, PROBE_TOKEN)) {
            assertFalse(r.out().contains(secret), secret + " shown in:\n" + r.out());
        }
        assertTrue(r.out().contains("http://probe:********@127.0.0.1:9/ok?token=********"), r.out());
        assertTrue(r.out().replaceAll("\\s", "").contains("\"Token\":\"********\""), r.out());
    }

    @Test
    void nodeLogsShowNoSecret() throws IOException {
        for (String node : List.of("orchestrator", "compute-1")) {
            String log = Files.readString(cluster.root().resolve(node).resolve("node.log"));
            assertFalse(log.isBlank(), node);
            for (String secret : List.of(TOKEN, DB_PASSWORD, PROBE_PASSWORD, PROBE_TOKEN)) {
                assertFalse(log.contains(secret), secret + " in " + node + "'s log");
            }
        }
    }
}
