package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.FaultFigures;
import io.bacalao.it.support.StandaloneBrokerProcess;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.TestPorts;
import io.bacalao.it.support.Waits;
import io.bacalao.payara.NodeProcess;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scale-out path: a standalone Artemis broker process (the shipped broker.xml, token security) used by the
 * orchestrator (Orchestrator.Broker.URL, no embedded broker) and the compute nodes; the broker restarted under
 * them while jobs are submitted; and a compute node that requires TLS refusing that plain broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalBrokerIT {
    static final String TOKEN = "external-token";
    static final String ORCHESTRATOR_PASSWORD = "external-orchestrator-password";
    static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** LivenessMonitor checks every third of the disconnect timeout. */
    static final Duration LIVENESS_CHECK = DISCONNECT_TIMEOUT.dividedBy(3);
    /**
     * The load's job. The jobs accepted while the broker is away (~80) all reach the one compute node when it comes
     * back, more than its run and queue capacity; a job the node has no room for then waits for it (QueueTimeout)
     * rather than failing as Bacalhau fails a job no node can take. What this test checks is the restart.
     */
    static final String WAITING_NOOP = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\","
            + "\"Engine\":{\"Type\":\"noop\"},\"Timeouts\":{\"QueueTimeout\":300}}]}";
    static StandaloneBrokerProcess broker;
    static TestCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        int port = TestPorts.freeBlock(1);
        cluster = TestCluster.create("external", Map.of(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, TOKEN,
                ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://127.0.0.1:" + port,
                ConfigKeys.ORCHESTRATOR_BROKER_PASSWORD, ORCHESTRATOR_PASSWORD,
                ConfigKeys.DISCONNECT_TIMEOUT, DISCONNECT_TIMEOUT.toSeconds() + "s"));
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

    /**
     * Fault (c) of the fault suite: the broker restarts while jobs are submitted four times a second, away for
     * longer than the disconnect timeout; the orchestrator does not take that for the node's silence, the node
     * reconnects, and every job the API accepted, before, during and after the restart, completes exactly once.
     */
    @Test
    @Order(2)
    void afterTheBrokerRestartsUnderSubmissionsEveryoneReconnectsAndNoJobIsLost() throws Exception {
        NodeProcess compute = cluster.nodes().nodes().stream().filter(p -> !p.spec().orchestrator()).findFirst().orElseThrow();
        Api api = cluster.api();
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<String> acceptedAfterRestart = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong brokerBack = new AtomicLong(Long.MAX_VALUE);
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        load.scheduleAtFixedRate(() -> {
            long at = System.nanoTime();
            try {
                String id = api.submit(WAITING_NOOP);
                accepted.add(id);
                if (at >= brokerBack.get()) acceptedAfterRestart.add(id);
            } catch (AssertionError | RuntimeException brokerAway) {
                refused.incrementAndGet();
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        Duration recovery;
        try {
            Waits.until("10 jobs accepted before the fault", Duration.ofSeconds(60), () -> accepted.size() >= 10);
            long from = Files.size(compute.log());
            long orchestratorFrom = Files.size(cluster.orchestrator().log());
            broker.stop();
            Waits.until("the node to notice the broker is gone", Duration.ofSeconds(30),
                    () -> tail(compute, from).contains("cannot reach the orchestrator's broker"));
            // an outage longer than the disconnect timeout (and one liveness check) is not the node's silence
            Waits.until("the node unheard for longer than the disconnect timeout", Duration.ofSeconds(90),
                    () -> api.computeHeartbeats("").stream().anyMatch(
                            b -> Duration.between(b, Instant.now()).compareTo(DISCONNECT_TIMEOUT.plus(LIVENESS_CHECK)) > 0));
            broker.start();
            brokerBack.set(System.nanoTime());
            Waits.until("the node to rejoin", Duration.ofSeconds(90), () -> tail(compute, from).contains("rejoined the orchestrator"));
            Waits.until("a job submitted after the restart to complete", Duration.ofSeconds(90),
                    () -> acceptedAfterRestart.stream().anyMatch(id -> api.state(id).equals("Completed")));
            recovery = FaultFigures.since(brokerBack.get());
            assertFalse(tail(cluster.orchestrator(), orchestratorFrom).contains("disconnected: no heartbeat"),
                    "the orchestrator took the broker's outage for the node's silence");
            int before = accepted.size();
            Waits.until("10 more jobs accepted", Duration.ofSeconds(60), () -> accepted.size() >= before + 10);
        } finally {
            load.shutdownNow();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
        for (String id : accepted) api.awaitTerminal(id, Duration.ofSeconds(120));
        FaultFigures.measure("broker restart under submission", api, accepted, recovery,
                "first job submitted after it completed").printAndCheck();
        System.out.printf("broker restart: %d submits refused while the broker was away%n", refused.get());
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
