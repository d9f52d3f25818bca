package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.BrokerAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
        assertEquals("tcp://127.0.0.1:4300?sslEnabled=true&trustStorePath=/c/server.pem&trustStoreType=PEM",
                NodeSpecs.orchestratorBroker(tls).url());
        assertEquals("tcp://127.0.0.1:4300?sslEnabled=true&trustStorePath=/c/ca.pem&trustStoreType=PEM",
                NodeSpecs.orchestratorBroker(tls.with(ConfigKeys.ORCHESTRATOR_TLS_CA_CERT, "/c/ca.pem")).url());
    }

    @Test
    void anExternalBrokerReplacesTheEmbeddedOne() {
        Config ext = BASE.with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://broker.internal:61616");
        assertEquals("tcp://broker.internal:61616", NodeSpecs.orchestratorBroker(ext).url());
        var spec = NodeSpecs.of(ext.with(ConfigKeys.ORCHESTRATOR_ENABLED, "true")
                .with(ConfigKeys.DATA_DIR, Path.of(System.getProperty("java.io.tmpdir"), "nodespecs-ext").toString()));
        assertFalse(spec.embeddedBroker());
        assertThrows(ConfigException.class, () -> NodeSpecs.orchestratorBroker(BASE.with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "x:y")));
    }

    @Test
    void aComputeNodeUsesTheFirstOrchestratorOverTlsWhenItHasACaOrRequiresTls() {
        Config c = BASE.with(ConfigKeys.COMPUTE_ORCHESTRATORS, "nats://10.0.0.5:4222,nats://10.0.0.6:4222");
        assertEquals("tcp://10.0.0.5:4222", NodeSpecs.computeBroker(c).url());
        assertEquals("tcp://10.0.0.5:4222?sslEnabled=true&trustStorePath=/ca.pem&trustStoreType=PEM",
                NodeSpecs.computeBroker(c.with(ConfigKeys.COMPUTE_TLS_CA_CERT, "/ca.pem")).url());
        BrokerAddress required = NodeSpecs.computeBroker(c.with(ConfigKeys.COMPUTE_TLS_REQUIRE, "true"));
        assertTrue(required.tls());
        assertEquals("tcp://10.0.0.5:4222?sslEnabled=true", required.url());
    }

    @Test
    void devstackComputeNodesTrustTheBrokersCertificateAndFollowAnExternalBroker() {
        LocalCluster tls = new LocalCluster(BASE.with(ConfigKeys.ORCHESTRATOR_TLS_SERVER_CERT, "/c/server.pem"), Path.of("/tmp/x"));
        assertEquals("/c/server.pem", tls.computeConfig(1).get(ConfigKeys.COMPUTE_TLS_CA_CERT));
        LocalCluster ext = new LocalCluster(BASE.with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://127.0.0.1:61616"), Path.of("/tmp/x"));
        assertEquals("tcp://127.0.0.1:61616", NodeSpecs.computeBroker(ext.computeConfig(1)).url());
        assertFalse(ext.embeddedBroker());
    }
}
