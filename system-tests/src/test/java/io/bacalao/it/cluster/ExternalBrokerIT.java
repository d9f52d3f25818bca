package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.StandaloneBrokerProcess;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.TestPorts;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scale-out path: a standalone Artemis broker process (the shipped broker.xml, token security) used by the
 * orchestrator (Orchestrator.Broker.URL, no embedded broker) and the compute nodes; the broker restarted under
 * them; and a compute node that requires TLS refusing that plain broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalBrokerIT {
    static final String TOKEN = "external-token";
    static final String ORCHESTRATOR_PASSWORD = "external-orchestrator-password";
    static StandaloneBrokerProcess broker;
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        int port = TestPorts.freeBlock(1);
        cluster = TestCluster.create("external", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN,
                ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://127.0.0.1:" + port,
                ConfigKeys.ORCHESTRATOR_BROKER_PASSWORD, ORCHESTRATOR_PASSWORD));
        broker = new StandaloneBrokerProcess(port, TOKEN, ORCHESTRATOR_PASSWORD, cluster.root().resolve("broker")).start();
        cluster.start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) cluster.close();
        if (broker != null) broker.close();
    }

    @Test
    @Order(1)
    void orchestratorAndComputeNodesWorkThroughTheExternalBroker() throws Exception {
        assertFalse(listening(cluster.base().getInt(ConfigKeys.ORCHESTRATOR_PORT)), "no embedded broker");
        assertFalse(Files.readString(cluster.orchestrator().log()).contains("broker listening"));
        Api api = cluster.api();
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), Duration.ofSeconds(60)));
    }

    @Test
    @Order(2)
    void afterTheBrokerRestartsEveryoneReconnectsAndJobsComplete() throws Exception {
        NodeProcess compute = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        long from = Files.size(compute.log());
        broker.stop();
        Waits.until("the node to notice the broker is gone", Duration.ofSeconds(30),
                () -> tail(compute, from).contains("cannot reach the orchestrator's broker"));
        broker.start();
        Waits.until("the node to rejoin", Duration.ofSeconds(90), () -> tail(compute, from).contains("rejoined the orchestrator"));
        Api api = cluster.api();
        assertEquals("Completed", api.awaitTerminal(api.submit(Api.noopJob()), Duration.ofSeconds(90)));
    }

    @Test
    @Order(3)
    void aNodeThatRequiresTlsRefusesThePlainBroker() throws Exception {
        NodeProcess strict = cluster.startCompute(3, Map.of(ConfigKeys.COMPUTE_TLS_REQUIRE, "true"));
        try {
            Waits.until("the refusal in the node's log", Duration.ofSeconds(180),
                    () -> tail(strict, 0).contains("Compute.TLS.RequireTLS is on, so this node refuses a plain broker connection"));
            assertFalse(tail(strict, 0).contains("joined the orchestrator"));
        } finally {
            strict.stop(Duration.ofSeconds(10));
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String tail(NodeProcess p, long from) {
        try {
            String all = Files.readString(p.log());
            return all.substring((int) Math.min(from, all.length()));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
