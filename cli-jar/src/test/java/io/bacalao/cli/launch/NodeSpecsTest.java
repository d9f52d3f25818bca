package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.BrokerAddress;
import io.bacalao.payara.NodeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which broker a node process is pointed at: embedded or external, plain or TLS. */
class NodeSpecsTest {
    static final Config BASE = Config.defaults().with(ConfigKeys.ORCHESTRATOR_PORT, "4300")
            .with(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, "tok").with(ConfigKeys.COMPUTE_AUTH_TOKEN, "tok");

    @Test
    void anOrchestratorUsesItsEmbeddedBrokerOnLoopbackByDefault() {
        BrokerAddress b = NodeSpecs.orchestratorBroker(BASE);
        assertEquals("tcp://127.0.0.1:4300", b.url());
        assertEquals("tok", b.token());
    }

    @Test
    void aBrokerWithACertificateIsReachedOverTlsTrustingTheCaOrElseTheCertificate() {
        Config tls = BASE.with(ConfigKeys.ORCHESTRATOR_TLS_SERVER_CERT, "/c/server.pem").with(ConfigKeys.ORCHESTRATOR_TLS_SERVER_KEY, "/c/server.key");
        assertEquals("tcp://127.0.0.1:4300?sslEnabled=true&trustStorePath=/c/server.pem&trustStoreType=PEM&verifyHost=false",
                NodeSpecs.orchestratorBroker(tls).url());
        assertEquals("tcp://127.0.0.1:4300?sslEnabled=true&trustStorePath=/c/ca.pem&trustStoreType=PEM&verifyHost=false",
                NodeSpecs.orchestratorBroker(tls.with(ConfigKeys.ORCHESTRATOR_TLS_CA_CERT, "/c/ca.pem")).url());
    }

    @Test
    void anOrchestratorWithHalfOfTheApiTlsSettingsOrAutoCertDoesNotStart(@TempDir Path dir) {
        Config o = BASE.with(ConfigKeys.DATA_DIR, dir.toString()).with(ConfigKeys.ORCHESTRATOR_ENABLED, "true");
        assertEquals("invalid config: TLS cert specified without corresponding private key", assertThrows(ConfigException.class,
                () -> NodeSpecs.of(o.with(ConfigKeys.API_TLS_CERT_FILE, "/c.pem"))).getMessage());
        assertEquals("invalid config: private key specified without corresponding TLS certificate", assertThrows(ConfigException.class,
                () -> NodeSpecs.of(o.with(ConfigKeys.API_TLS_KEY_FILE, "/k.pem"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> NodeSpecs.of(o.with(ConfigKeys.API_TLS_AUTO_CERT, "x.example")))
                .getMessage().startsWith("API.TLS.AutoCert (ACME certificates) is not supported by Bacalao"));
    }

    @Test
    void anExternalBrokerReplacesTheEmbeddedOne() {
        Config ext = BASE.with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://broker.internal:61616");
        assertEquals("tcp://broker.internal:61616", NodeSpecs.orchestratorBroker(ext).url());
        Config orchestrator = ext.with(ConfigKeys.ORCHESTRATOR_ENABLED, "true")
                .with(ConfigKeys.DATA_DIR, Path.of(System.getProperty("java.io.tmpdir"), "nodespecs-ext").toString());
        ConfigException noPassword = assertThrows(ConfigException.class, () -> NodeSpecs.of(orchestrator));
        assertTrue(noPassword.getMessage().contains(ConfigKeys.ORCHESTRATOR_BROKER_PASSWORD), noPassword.getMessage());
        var spec = NodeSpecs.of(orchestrator.with(ConfigKeys.ORCHESTRATOR_BROKER_PASSWORD, "orch-pw"));
        assertFalse(spec.embeddedBroker());
        assertEquals("orch-pw", spec.broker().token());
        assertThrows(ConfigException.class, () -> NodeSpecs.orchestratorBroker(BASE.with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "x:y")));
    }

    @Test
    void aComputeNodeUsesTheFirstOrchestratorOverTlsWhenItHasACaOrRequiresTls() {
        Config c = BASE.with(ConfigKeys.COMPUTE_ORCHESTRATORS, "nats://10.0.0.5:4222,nats://10.0.0.6:4222");
        assertEquals("tcp://10.0.0.5:4222", NodeSpecs.computeBroker(c).url());
        assertEquals("tcp://10.0.0.5:4222?sslEnabled=true&trustStorePath=/ca.pem&trustStoreType=PEM&verifyHost=true",
                NodeSpecs.computeBroker(c.with(ConfigKeys.COMPUTE_TLS_CA_CERT, "/ca.pem")).url());
        BrokerAddress required = NodeSpecs.computeBroker(c.with(ConfigKeys.COMPUTE_TLS_REQUIRE, "true"));
        assertTrue(required.tls());
        assertEquals("tcp://10.0.0.5:4222?sslEnabled=true&verifyHost=true", required.url());
    }

    @Test
    void devstackComputeNodesTrustTheBrokersCertificateAndFollowAnExternalBroker() {
        LocalCluster tls = new LocalCluster(BASE.with(ConfigKeys.ORCHESTRATOR_TLS_SERVER_CERT, "/c/server.pem"), Path.of("/tmp/x"));
        assertEquals("/c/server.pem", tls.computeConfig(1).get(ConfigKeys.COMPUTE_TLS_CA_CERT));
        LocalCluster ext = new LocalCluster(BASE.with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://127.0.0.1:61616"), Path.of("/tmp/x"));
        assertEquals("tcp://127.0.0.1:61616", NodeSpecs.computeBroker(ext.computeConfig(1)).url());
        assertFalse(ext.embeddedBroker());
    }

    @Test
    void aComputeNodeLogsInWithTheJoinTokenAndItsOwnSecretKeptOwnerOnly(@TempDir Path dir) throws Exception {
        String first = NodeSpecs.brokerPassword(BASE, dir, false, false);
        assertTrue(first.matches("tok:[0-9a-f]{64}"), first);
        assertEquals(first, NodeSpecs.brokerPassword(BASE, dir, false, false), "the same secret after a restart");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node-secret"))));
    }

    @Test
    void aComputeOnlyNodeKeepsItsOwnStoreAndNeverTheOrchestrators(@TempDir Path dir) {
        Config pg = BASE.with(ConfigKeys.DATABASE_URL, "jdbc:postgresql://db/jobs").with(ConfigKeys.DATABASE_USER, "o");
        assertEquals("jdbc:postgresql://db/jobs", NodeSpecs.database(pg, dir, true).url());
        assertEquals("o", NodeSpecs.database(pg, dir, true).user());
        assertTrue(NodeSpecs.database(pg, dir, false).url().startsWith("jdbc:h2:" + dir), "an H2 file under its data dir");
        Config own = pg.with(ConfigKeys.COMPUTE_DATABASE_URL, "jdbc:postgresql://db/node1")
                .with(ConfigKeys.COMPUTE_DATABASE_USER, "c").with(ConfigKeys.COMPUTE_DATABASE_PASSWORD, "pw");
        NodeSpec.Database compute = NodeSpecs.database(own, dir, false);
        assertEquals(new NodeSpec.Database("jdbc:postgresql://db/node1", "c", "pw"), compute);
    }

    @Test
    void anOrchestratorLogsInWithItsOwnPasswordNotTheJoinToken(@TempDir Path dir) {
        String password = NodeSpecs.brokerPassword(BASE, dir, true, true);
        assertTrue(password.matches("[0-9a-f]{64}"), password);
        assertFalse(password.contains("tok"));
        assertEquals(password, NodeSpecs.brokerPassword(BASE, dir, true, true));
    }

    @Test
    void aNetworkedBrokerWithoutATokenIsRefusedUnlessAllowed(@TempDir Path dir) {
        Config open = BASE.with(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, "").with(ConfigKeys.ORCHESTRATOR_HOST, "0.0.0.0");
        ConfigException e = assertThrows(ConfigException.class, () -> NodeSpecs.brokerPassword(open, dir, true, true));
        assertTrue(e.getMessage().contains(ConfigKeys.ORCHESTRATOR_ALLOW_EMPTY_TOKEN), e.getMessage());
        NodeSpecs.brokerPassword(open.with(ConfigKeys.ORCHESTRATOR_ALLOW_EMPTY_TOKEN, "true"), dir, true, true);
        NodeSpecs.brokerPassword(open.with(ConfigKeys.ORCHESTRATOR_HOST, "127.0.0.1"), dir, true, true);
    }

    @Test
    void anOrchestratorsDatabaseCommitsDurablyUnlessSyncOnCommitIsOff(@TempDir Path dir) {
        Config o = BASE.with(ConfigKeys.DATA_DIR, dir.toString()).with(ConfigKeys.ORCHESTRATOR_ENABLED, "true");
        assertTrue(NodeSpecs.of(o).database().url().endsWith(";WRITE_DELAY=0"), NodeSpecs.of(o).database().url());
        Config off = o.with(ConfigKeys.SYNC_ON_COMMIT, "false");
        assertEquals("jdbc:h2:" + dir.resolve("db").resolve("bacalao").toAbsolutePath(), NodeSpecs.of(off).database().url());
        Config postgres = off.with(ConfigKeys.DATABASE_URL, "jdbc:postgresql://db:5432/bacalao?ssl=true");
        assertEquals("jdbc:postgresql://db:5432/bacalao?ssl=true&options=-c%20synchronous_commit%3Doff",
                NodeSpecs.of(postgres).database().url());
        assertEquals("jdbc:postgresql://db:5432/bacalao", NodeSpecs.of(postgres.with(ConfigKeys.SYNC_ON_COMMIT, "true")
                .with(ConfigKeys.DATABASE_URL, "jdbc:postgresql://db:5432/bacalao")).database().url());
    }
}
