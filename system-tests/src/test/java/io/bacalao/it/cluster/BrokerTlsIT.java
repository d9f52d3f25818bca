package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.broker.TestCertificates;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS between compute nodes and the orchestrator's broker, with a CA and a server certificate made by the test:
 * the broker accepts only TLS (Orchestrator.TLS.ServerCert/ServerKey/CACert), compute nodes trusting the CA
 * (Compute.TLS.CACert) join and run jobs, and a compute node that connects without TLS is refused.
 */
class BrokerTlsIT {
    static final String TOKEN = "tls-token";
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("tls-certs");
        TestCertificates certs = TestCertificates.create(root);
        cluster = TestCluster.create("tls", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN,
                ConfigKeys.ORCHESTRATOR_TLS_SERVER_CERT, certs.serverCert().toString(),
                ConfigKeys.ORCHESTRATOR_TLS_SERVER_KEY, certs.serverKey().toString(),
                ConfigKeys.ORCHESTRATOR_TLS_CA_CERT, certs.caCert().toString())).start(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) cluster.close();
    }

    @Test
    void computeNodesTrustingTheCaJoinOverTlsAndRunJobs() throws Exception {
        assertTrue(Files.readString(cluster.orchestrator().log()).contains("with TLS (token required)"));
        NodeProcess compute = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        assertTrue(compute.spec().broker().tls(), compute.spec().broker().url());
        Api api = cluster.api();
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), Duration.ofSeconds(60)));
    }

    @Test
    void aComputeNodeWithoutTlsIsRefused() throws Exception {
        NodeProcess plain = cluster.startCompute(4, Map.of(ConfigKeys.COMPUTE_TLS_CA_CERT, ""));
        try {
            assertFalse(plain.spec().broker().tls());
            Waits.until("the plain node to say its connection was not taken", Duration.ofSeconds(180),
                    () -> read(plain).contains("is listening but did not take this node's plain connection"));
            assertFalse(read(plain).contains("joined the orchestrator"));
            assertFalse(cluster.api().get("/api/v1/orchestrator/nodes").body().contains(plain.spec().nodeId()));
        } finally {
            plain.stop(Duration.ofSeconds(10));
        }
    }

    private static String read(NodeProcess p) {
        try {
            return Files.readString(p.log());
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
