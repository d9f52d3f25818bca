package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Cli;
import io.bacalao.it.support.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code API.TLS.SelfSigned}: the orchestrator makes its certificate in {@code <DataDir>/api-tls/} (key 0600) and
 * serves it; the CLI trusts it with {@code --cacert <DataDir>/api-tls/self-signed.crt} or {@code --insecure}, and
 * without either prints {@code Error: …} and exits 1.
 */
class ApiTlsSelfSignedIT {
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.create("api-tls-self", Map.of(ConfigKeys.API_TLS_SELF_SIGNED, "true"));
        cluster.nodes().start(0);
        cluster.nodes().awaitReady(Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    static Cli.Result cli(String... flags) {
        String[] all = new String[flags.length + 6];
        all[0] = "agent";
        all[1] = "alive";
        all[2] = "--api-host";
        all[3] = "127.0.0.1";
        all[4] = "--api-port";
        all[5] = String.valueOf(cluster.apiPort());
        System.arraycopy(flags, 0, all, 6, flags.length);
        return Cli.runRaw(all);
    }

    @Test
    void theSelfSignedCertificateIsKeptPrivateAndTrustedWhenGiven() throws Exception {
        Path dir = cluster.orchestrator().spec().dataDir().resolve("api-tls");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("self-signed.p12"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Cli.Result trusted = cli("--cacert", dir.resolve("self-signed.crt").toString());
        assertEquals(0, trusted.exitCode(), trusted.all());
        assertTrue(trusted.out().contains("OK"), trusted.out());
        Cli.Result insecure = cli("--insecure");
        assertEquals(0, insecure.exitCode(), insecure.all());

        Cli.Result untrusted = cli("--tls");
        assertEquals(1, untrusted.exitCode(), untrusted.all());
        assertTrue(untrusted.err().startsWith("Error: the orchestrator at https://127.0.0.1:" + cluster.apiPort()
                + " presented a TLS certificate this client does not trust"), untrusted.err());
    }
}
