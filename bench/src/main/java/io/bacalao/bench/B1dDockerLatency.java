package io.bacalao.bench;

import java.util.concurrent.TimeUnit;

/**
 * B1d: end-to-end latency of a Docker job ({@code echo hi} in local/busybox) through a devstack (1 orchestrator
 * + 1 compute node), beside plain {@code docker run --rm} of the same image and command in the same run.
 * Target: at most 1.3 × plain docker.
 *
 * <p>Usage: {@code bench/run B1dDockerLatency [runs=30]}
 */
public final class B1dDockerLatency {
    static final String IMAGE = "local/busybox:latest";
    static final String JOB = "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"" + IMAGE + "\",\"Parameters\":[\"echo\",\"hi\"]}},\"Network\":{\"Type\":\"None\"}}]}";

    private B1dDockerLatency() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (BenchCluster cluster = new BenchCluster(1)) {
            for (int i = 0; i < 5; i++) cluster.runToEnd(JOB);
            Stats plain = new Stats();
            Stats bacalao = new Stats();
            long plainStart = System.nanoTime();
            for (int i = 0; i < runs; i++) plain.add(plainDockerRun());
            double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                String state = cluster.runToEnd(JOB);
                if (!state.equals("Completed")) throw new IllegalStateException("docker job ended " + state);
                bacalao.add((System.nanoTime() - s) / 1e6);
            }
            System.out.println(plain.summary("anchor docker run --rm", plainSeconds));
            System.out.println(bacalao.summary("B1d bacalao docker job", (System.nanoTime() - start) / 1e9));
            System.out.printf("B1d ratio p50 = %.2f x plain docker%n", bacalao.percentile(50) / plain.percentile(50));
        }
    }

    private static double plainDockerRun() throws Exception {
        long s = System.nanoTime();
        Process p = new ProcessBuilder("/usr/bin/docker", "run", "--rm", "--network", "none", IMAGE, "echo", "hi")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("docker run failed");
        return (System.nanoTime() - s) / 1e6;
    }
}
