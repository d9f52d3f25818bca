package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.spec.Json;
import io.bacalao.payara.NodeProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B6: node loss → replacement running. A devstack of 1 orchestrator + 2 compute nodes (heartbeat 2 s,
 * {@code DisconnectTimeout} as given, default 10 s) runs a Docker batch job ({@code sleep 30} in local/busybox);
 * once its execution runs, the node running it is killed with SIGKILL, and the bench measures the time to the node
 * being DISCONNECTED and to the job's execution running on the other node. The killed node is started again
 * between runs. Target: replacement running within DisconnectTimeout + 5 s; the anchor is the timeout itself.
 *
 * <p>Usage: {@code bench/run B6NodeLoss [runs=5] [disconnectTimeout=10s]}
 */
public final class B6NodeLoss {
    static final String JOB = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"local/busybox:latest\",\"Parameters\":[\"sleep\",\"30\"]}},\"Network\":{\"Type\":\"None\"}}]}";
    static final int RUNNING = ExecutionStateType.Running.json();

    private B6NodeLoss() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String timeout = args.length > 1 ? args[1] : "10s";
        Duration limit = Durations.parse(timeout);
        try (BenchCluster cluster = new BenchCluster(2, Map.of(ConfigKeys.DISCONNECT_TIMEOUT, timeout,
                ConfigKeys.HEARTBEAT_INTERVAL, "2s", ConfigKeys.INFO_UPDATE_INTERVAL, "5s", ConfigKeys.QUEUE_BACKOFF, "2s"))) {
            System.out.printf("B6 devstack (1 orchestrator + 2 compute) ready in %.1fs; DisconnectTimeout=%s, heartbeat 2s%n",
                    cluster.startupSeconds(), timeout);
            Stats disconnected = new Stats();
            Stats replaced = new Stats();
            for (int run = 1; run <= runs; run++) {
                String job = cluster.submit(JOB);
                JsonNode first = awaitRunning(cluster, job, null);
                String victimId = first.get("NodeID").asText();
                NodeProcess victim = cluster.nodes().nodes().stream().filter(p -> p.spec().nodeId().equals(victimId))
                        .findFirst().orElseThrow();
                double heartbeatAge = heartbeatAgeSeconds(cluster, victimId);
                long killed = System.nanoTime();
                victim.kill();
                while (!nodeStatus(cluster, victimId).equals("DISCONNECTED")) Thread.sleep(50);
                double d = (System.nanoTime() - killed) / 1e6;
                JsonNode second = awaitRunning(cluster, job, first.get("ID").asText());
                double r = (System.nanoTime() - killed) / 1e6;
                disconnected.add(d);
                replaced.add(r);
                System.out.printf(Locale.ROOT, "run %d: killed %s (last heartbeat %.1fs before); DISCONNECTED after %.1fs;"
                        + " running on %s after %.1fs%n", run, victimId, heartbeatAge, d / 1000, second.get("NodeID").asText(), r / 1000);
                if (r > limit.toMillis() + 5000) printHistory(cluster, job, killed);
                cleanUp(cluster, job);
                int index = Integer.parseInt(victim.spec().dataDir().getFileName().toString().replace("compute-", ""));
                cluster.nodes().launch(cluster.nodes().computeConfig(index)).awaitReady(Duration.ofMinutes(4));
                while (!nodeStatus(cluster, victimId).equals("CONNECTED")) Thread.sleep(100);
            }
            System.out.println(disconnected.summary("B6 kill → DISCONNECTED", 1));
            System.out.println(replaced.summary("B6 kill → replacement running", 1));
            System.out.printf(Locale.ROOT, "B6 anchor DisconnectTimeout = %.1fs; target replacement ≤ %.1fs; p50 = %.1fs (%.2f × timeout)%n",
                    limit.toMillis() / 1000.0, limit.toMillis() / 1000.0 + 5, replaced.percentile(50) / 1000,
                    replaced.percentile(50) / limit.toMillis());
        }
    }

    /** Polls the job's executions until one other than {@code except} runs. */
    static JsonNode awaitRunning(BenchCluster cluster, String job, String except) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            for (JsonNode e : Json.mapper().readTree(cluster.get("/api/v1/orchestrator/jobs/" + job + "/executions")).get("Items")) {
                if (!e.get("ID").asText().equals(except) && e.get("ComputeState").get("StateType").asInt() == RUNNING) return e;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no running execution of " + job);
    }

    /** The job's history, times relative to the kill: where a slow replacement spent its time. */
    static void printHistory(BenchCluster cluster, String job, long killedNanos) throws Exception {
        long killedEpochMillis = System.currentTimeMillis() - (System.nanoTime() - killedNanos) / 1_000_000;
        for (JsonNode h : Json.mapper().readTree(cluster.get("/api/v1/orchestrator/jobs/" + job + "/history?limit=100")).get("Items")) {
            long at = Instant.parse(h.get("Time").asText()).toEpochMilli();
            System.out.printf(Locale.ROOT, "    %+.1fs %s %s %s%n", (at - killedEpochMillis) / 1000.0,
                    h.path("ExecutionID").asText(""), h.path("Event").path("Message").asText(""),
                    h.path("Event").path("Details").toString());
        }
    }

    /** How long ago the orchestrator last heard from the node (its LastHeartbeat), in seconds. */
    static double heartbeatAgeSeconds(BenchCluster cluster, String nodeId) throws Exception {
        String last = Json.mapper().readTree(cluster.get("/api/v1/orchestrator/nodes/" + nodeId)).get("Node")
                .get("ConnectionState").get("LastHeartbeat").asText();
        return Duration.between(Instant.parse(last), Instant.now()).toMillis() / 1000.0;
    }

    static String nodeStatus(BenchCluster cluster, String nodeId) throws Exception {
        return Json.mapper().readTree(cluster.get("/api/v1/orchestrator/nodes/" + nodeId)).get("Node").get("Connection").asText();
    }

    /** Stops the job and removes the container the killed node left behind. */
    static void cleanUp(BenchCluster cluster, String job) throws Exception {
        cluster.delete("/api/v1/orchestrator/jobs/" + job);
        Process ps = new ProcessBuilder("/usr/bin/docker", "ps", "-aq", "--filter", "label=bacalao.job=" + job).start();
        for (String id : new String(ps.getInputStream().readAllBytes()).split("\\s+")) {
            if (!id.isBlank()) new ProcessBuilder("/usr/bin/docker", "rm", "-f", id).start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
