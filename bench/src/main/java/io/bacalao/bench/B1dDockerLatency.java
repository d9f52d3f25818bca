package io.bacalao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.spec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B1d: end-to-end latency (submit → Completed) of a short Docker job ({@code echo hi} in local/busybox, no network)
 * through a devstack (1 orchestrator + 1 compute node, on ports of its own so that it can run beside B1), beside plain
 * {@code docker run --rm --network none} of the same image and command. Runs are interleaved (plain, devstack,
 * plain, devstack…) so that the shared machine's load weighs on both alike. Target: at most 1.3 × plain docker.
 *
 * <p>How the bench learns of a job's end weighs on what it measures: Docker's start of a container takes most of
 * the job's time and needs the same two cores as the devstack, so a probe that keeps the orchestrator busy slows the
 * job it watches. Each devstack job is therefore watched alone, by reading that job every {@value #POLL_MILLIS} ms
 * ({@code GET /jobs/{id}}, one small row), and two figures are printed: the wall time until the bench saw the end
 * (up to one poll late) and the time until the orchestrator stamped the job Completed (its {@code ModifyTime}, on the
 * same clock as the bench). A third series runs the same job learned through {@link BenchCluster}'s shared watcher
 * (a list of recent jobs every 5 ms, made for many jobs in flight), so that each run shows what such a probe costs.
 * docs/compute-performance.md, "What the probe costs", has the figures.
 *
 * <p>Given a second runtime folder (e.g. a copy of another build's {@code cli-jar/target/runtime}), a second
 * devstack runs from it on other ports and takes its turn in the same interleaving, so two builds are compared in
 * one run: {@code bench/run B1dDockerLatency 60 /tmp/runtime-before}.
 *
 * <p>Usage: {@code bench/run B1dDockerLatency [runs=30] [otherRuntimeDir]}
 */
public final class B1dDockerLatency {
    static final String IMAGE = "local/busybox:latest";
    static final String JOB = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"" + IMAGE + "\",\"Parameters\":[\"echo\",\"hi\"]}},\"Network\":{\"Type\":\"None\"}}]}";
    private static final int WARMUP = 10;
    /** How often a job watched alone is read. */
    static final long POLL_MILLIS = 10;

    private B1dDockerLatency() {
    }

    private record Arm(String label, BenchCluster cluster, Stats wall, Stats stamped, Stats sharedWatcher) {
        Arm(String label, BenchCluster cluster) {
            this(label, cluster, new Stats(), new Stats(), new Stats());
        }

        /** One job watched alone, then one learned through the shared watcher. */
        void run(boolean record) throws Exception {
            Ended e = watchedAlone(cluster);
            double shared = throughSharedWatcher(cluster);
            if (!record) return;
            wall.add(e.wallMillis());
            stamped.add(e.stampedMillis());
            sharedWatcher.add(shared);
        }
    }

    /** A job's end as the bench saw it and as the orchestrator stamped it, both counted from the submit. */
    record Ended(double wallMillis, double stampedMillis) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path other = args.length > 1 ? Path.of(args[1]) : null;
        if (other != null && !Files.isDirectory(other)) throw new IllegalArgumentException("no runtime folder " + other);
        List<BenchCluster> clusters = new ArrayList<>();
        try {
            List<Arm> arms = new ArrayList<>();
            arms.add(new Arm("B1d devstack", started(clusters, 1, Map.of(ConfigKeys.API_PORT, "33234",
                    ConfigKeys.ORCHESTRATOR_PORT, "33222", ConfigKeys.LOCAL_PUBLISHER_PORT, "33301"))));
            if (other != null) {
                String own = System.getProperty("bacalao.runtime");
                System.setProperty("bacalao.runtime", other.toString());
                try {
                    arms.add(new Arm("B1d devstack (other)", started(clusters, 1, Map.of(ConfigKeys.API_PORT, "34234",
                            ConfigKeys.ORCHESTRATOR_PORT, "34222", ConfigKeys.LOCAL_PUBLISHER_PORT, "34301"))));
                } finally {
                    if (own != null) System.setProperty("bacalao.runtime", own);
                }
            }
            Stats plain = new Stats();
            long start = 0;
            for (int i = -WARMUP; i < runs; i++) {
                if (i == 0) start = System.nanoTime();
                double p = plainDockerRun();
                if (i >= 0) plain.add(p);
                for (Arm a : arms) a.run(i >= 0);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("B1d interleaved, " + runs + " runs each after " + WARMUP + " warm-up runs each");
            System.out.println(plain.summary("anchor docker run --rm", seconds));
            for (Arm a : arms) {
                report(a.label() + ", seen", a.wall(), plain, seconds);
                report(a.label() + ", stamped", a.stamped(), plain, seconds);
                report(a.label() + ", shared watcher", a.sharedWatcher(), plain, seconds);
            }
        } finally {
            clusters.forEach(BenchCluster::close);
        }
    }

    private static void report(String label, Stats s, Stats plain, double seconds) {
        System.out.println(s.summary(label, seconds));
        System.out.printf("%-28s ratio: p50 %.2f x, p90 %.2f x plain docker%n", label,
                s.percentile(50) / plain.percentile(50), s.percentile(90) / plain.percentile(90));
    }

    private static BenchCluster started(List<BenchCluster> clusters, int computes, Map<String, String> extra) throws Exception {
        BenchCluster c = new BenchCluster(computes, extra);
        clusters.add(c);
        return c;
    }

    /**
     * Submits B1d's job to {@code cluster} and watches it alone until it ends, within the time the cluster's own wait
     * allows ({@link #watchedAlone(Api, long, Duration)}).
     */
    static Ended watchedAlone(BenchCluster cluster) throws Exception {
        return watchedAlone(new Api() {
            @Override
            public String submit() throws Exception {
                return cluster.submit(JOB);
            }

            @Override
            public String get(String path) throws Exception {
                return cluster.get(path);
            }
        }, POLL_MILLIS, BenchCluster.JOB_END);
    }

    /** The two calls of the API that watching a job alone makes. */
    interface Api {
        /** Submits the job; returns its ID. */
        String submit() throws Exception;

        /** The body of a GET of {@code path}. */
        String get(String path) throws Exception;
    }

    /**
     * Submits a job and reads it every {@code pollMillis} ms until it is terminal; it must have Completed, within
     * {@code endWithin} of the submit. The wall time runs from before the submit to the read that found the end; the
     * stamped time from the same instant to the job's {@code ModifyTime} (nanoseconds since the epoch, as Bacalhau's
     * API gives it) in that read.
     */
    static Ended watchedAlone(Api api, long pollMillis, Duration endWithin) throws Exception {
        long submittedNanos = UnixNanos.of(Instant.now());
        long s = System.nanoTime();
        String id = api.submit();
        while (true) {
            if (System.nanoTime() - s > endWithin.toNanos()) {
                throw new IllegalStateException("docker job " + id + " did not end within " + endWithin);
            }
            Thread.sleep(pollMillis);
            JsonNode job = Json.mapper().readTree(api.get("/api/v1/orchestrator/jobs/" + id)).path("Job");
            JobStateType state = JobStateType.parse(job.path("State").path("StateType").asText());
            if (!state.isTerminal()) continue;
            if (state != JobStateType.Completed) throw new IllegalStateException("docker job " + id + " ended " + state);
            double wall = (System.nanoTime() - s) / 1e6;
            return new Ended(wall, (job.path("ModifyTime").asLong() - submittedNanos) / 1e6);
        }
    }

    /** Milliseconds from submit to Completed of one docker job, learned through the cluster's shared watcher. */
    private static double throughSharedWatcher(BenchCluster cluster) throws Exception {
        long s = System.nanoTime();
        String state = cluster.runToEnd(JOB);
        if (!state.equals("Completed")) throw new IllegalStateException("docker job ended " + state);
        return (System.nanoTime() - s) / 1e6;
    }

    private static double plainDockerRun() throws Exception {
        long s = System.nanoTime();
        Process p = new ProcessBuilder("docker", "run", "--rm", "--network", "none", IMAGE, "echo", "hi")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("docker run failed: " + new String(out));
        }
        return (System.nanoTime() - s) / 1e6;
    }
}
