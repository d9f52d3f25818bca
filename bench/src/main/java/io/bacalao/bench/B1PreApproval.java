package io.bacalao.bench;

import io.bacalao.domain.config.ConfigKeys;
import java.util.HashMap;
import java.util.Map;

/**
 * B1 with pre-approved placements on and off ({@code Orchestrator.Scheduler.PreApprovedPlacements};
 * docs/state-writer.md), measured in the same run: two devstacks on ports free at the time (1 orchestrator and
 * {@code computes} compute nodes each), one with the flag on, one with it off, built from the same runtime, and
 * their jobs interleaved so that both see the same machine load: at c=1 one job on each in turn (the order swapped
 * every pair), at c=10 blocks of {@code block} jobs on each in turn (the order swapped every round). Each arm has
 * its warm-up first. The anchor is {@code GET /agent/alive} of each devstack. Compute nodes offer 10 CPUs, so
 * that 10 clients' noop jobs (500m each by default) fit one node.
 *
 * <p>Usage: {@code bench/run B1PreApproval [jobsPerArm=100] [warmup=30] [computes=1] [block=50]}
 */
public final class B1PreApproval {
    private B1PreApproval() {
    }

    private static final class Arm {
        final String name;
        final BenchCluster cluster;
        final Stats c1 = new Stats();
        final Stats c10 = new Stats();
        double c1Seconds;
        double c10Seconds;

        Arm(String name, BenchCluster cluster) {
            this.name = name;
            this.cluster = cluster;
        }
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int computes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int block = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        try (BenchCluster on = new BenchCluster(computes, config(computes, true));
             BenchCluster off = new BenchCluster(computes, config(computes, false))) {
            System.out.printf("B1PreApproval devstacks (1 orchestrator + %d compute each) ready in %.1fs (on) and %.1fs"
                    + " (off)%n", computes, on.startupSeconds(), off.startupSeconds());
            Arm[] arms = {new Arm("pre-approved on ", on), new Arm("pre-approved off", off)};
            for (Arm a : arms) B1NoopLatency.load(a.cluster, warmup, 2, new Stats());
            for (Arm a : arms) System.out.println(anchor(a));
            for (int i = 0; i < jobs; i++) {
                for (int k = 0; k < 2; k++) {
                    Arm a = arms[(i + k) % 2];
                    long s = System.nanoTime();
                    B1NoopLatency.load(a.cluster, 1, 1, a.c1);
                    a.c1Seconds += (System.nanoTime() - s) / 1e9;
                }
            }
            for (Arm a : arms) System.out.println(a.c1.summary("B1 noop c=1  " + a.name, a.c1Seconds));
            for (int done = 0, round = 0; done < jobs; done += block, round++) {
                int n = Math.min(block, jobs - done);
                for (int k = 0; k < 2; k++) {
                    Arm a = arms[(round + k) % 2];
                    long s = System.nanoTime();
                    B1NoopLatency.load(a.cluster, n, 10, a.c10);
                    a.c10Seconds += (System.nanoTime() - s) / 1e9;
                }
            }
            for (Arm a : arms) System.out.println(a.c10.summary("B1 noop c=10 " + a.name, a.c10Seconds));
        }
    }

    private static Map<String, String> config(int computes, boolean preApproved) {
        Map<String, String> extra = new HashMap<>(BenchCluster.freePorts(computes));
        extra.put(ConfigKeys.PRE_APPROVED_PLACEMENTS, String.valueOf(preApproved));
        // noop jobs ask for the default 500m CPU: with one compute node, 10 clients need more than 80% of 2 cores,
        // and a job no node fits fails at once (QueueTimeout 0); a noop job uses no CPU, so offer more
        extra.put(ConfigKeys.CAPACITY_CPU, "10");
        return extra;
    }

    private static String anchor(Arm a) throws Exception {
        Stats alive = new Stats();
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            a.cluster.get("/api/v1/agent/alive");
            alive.add((System.nanoTime() - s) / 1e6);
        }
        return alive.summary("anchor GET /agent/alive " + a.name, (System.nanoTime() - t0) / 1e9);
    }
}
