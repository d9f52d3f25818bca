package io.bacalao.bench;

import io.bacalao.domain.config.ConfigKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * B1d: end-to-end latency (submit → Completed) of a short Docker job ({@code echo hi} in local/busybox, no network)
 * through a devstack (1 orchestrator + 1 compute node, on ports of its own so that it can run beside B1), beside plain {@code docker run --rm --network none} of the
 * same image and command. Runs are interleaved (plain, devstack, plain, devstack…) so that the shared machine's
 * load weighs on both alike. Target: at most 1.3 × plain docker.
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

    private B1dDockerLatency() {
    }

    private record Arm(String label, BenchCluster cluster, Stats stats) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path other = args.length > 1 ? Path.of(args[1]) : null;
        if (other != null && !Files.isDirectory(other)) throw new IllegalArgumentException("no runtime folder " + other);
        List<BenchCluster> clusters = new ArrayList<>();
        try {
            List<Arm> arms = new ArrayList<>();
            arms.add(new Arm("B1d devstack", started(clusters, 1, Map.of(ConfigKeys.API_PORT, "33234",
                    ConfigKeys.ORCHESTRATOR_PORT, "33222", ConfigKeys.LOCAL_PUBLISHER_PORT, "33301")), new Stats()));
            if (other != null) {
                String own = System.getProperty("bacalao.runtime");
                System.setProperty("bacalao.runtime", other.toString());
                try {
                    arms.add(new Arm("B1d devstack (other)", started(clusters, 1, Map.of(ConfigKeys.API_PORT, "34234",
                            ConfigKeys.ORCHESTRATOR_PORT, "34222", ConfigKeys.LOCAL_PUBLISHER_PORT, "34301")), new Stats()));
                } finally {
                    if (own != null) System.setProperty("bacalao.runtime", own);
                }
            }
            for (int i = 0; i < WARMUP; i++) {
                plainDockerRun();
                for (Arm a : arms) job(a.cluster());
            }
            Stats plain = new Stats();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                plain.add(plainDockerRun());
                for (Arm a : arms) a.stats().add(job(a.cluster()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("B1d interleaved, " + runs + " runs each after " + WARMUP + " warm-up runs each");
            System.out.println(plain.summary("anchor docker run --rm", seconds));
            for (Arm a : arms) {
                System.out.println(a.stats().summary(a.label(), seconds));
                System.out.printf("%s ratio: p50 %.2f x, p90 %.2f x plain docker%n", a.label(),
                        a.stats().percentile(50) / plain.percentile(50), a.stats().percentile(90) / plain.percentile(90));
            }
        } finally {
            clusters.forEach(BenchCluster::close);
        }
    }

    private static BenchCluster started(List<BenchCluster> clusters, int computes, Map<String, String> extra) throws Exception {
        BenchCluster c = new BenchCluster(computes, extra);
        clusters.add(c);
        return c;
    }

    /** Milliseconds from submit to Completed of one docker job. */
    private static double job(BenchCluster cluster) throws Exception {
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
