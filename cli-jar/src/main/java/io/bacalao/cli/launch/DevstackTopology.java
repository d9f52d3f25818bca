package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;

/**
 * What a devstack starts, from Bacalhau's flags ({@code --orchestrators}, {@code --hybrids}, {@code --computes},
 * {@code --bad-computes}): one orchestrator, which also computes when it is the hybrid, and {@code computes}
 * compute-only nodes, the last {@code badComputes} of which fail every execution ({@code Compute.BadActor}).
 * Bacalao runs one orchestrator per cluster (its store and broker are the orchestrator's), so exactly one of
 * orchestrators and hybrids is 1; other counts are refused with a message rather than started differently.
 */
public record DevstackTopology(boolean hybrid, int computes, int badComputes) {
    public static DevstackTopology of(int orchestrators, int hybrids, int computes, int badComputes) {
        for (var count : new Object[][]{{"--orchestrators", orchestrators}, {"--hybrids", hybrids},
                {"--computes", computes}, {"--bad-computes", badComputes}}) {
            if ((int) count[1] < 0) throw new CliException(count[0] + " must be >= 0");
        }
        if (orchestrators + hybrids != 1) {
            throw new CliException("a devstack has one orchestrator: --orchestrators plus --hybrids must be 1 (got "
                    + (orchestrators + hybrids) + ")", "Bacalao keeps a cluster's jobs in its orchestrator's store;"
                    + " use --orchestrators 0 --hybrids 1 for one node that does both");
        }
        if (badComputes > computes) {
            throw new CliException("--bad-computes " + badComputes + " is more than the " + computes
                    + " compute-only node(s) of --computes");
        }
        return new DevstackTopology(hybrids == 1, computes, badComputes);
    }

    /** Whether compute node {@code i} (from 1) is one of the bad actors: the last ones. */
    public boolean isBad(int i) {
        return i > computes - badComputes;
    }

    public String describe() {
        return (hybrid ? "1 hybrid orchestrator" : "1 orchestrator") + " and " + computes + " compute node(s)"
                + (badComputes > 0 ? ", " + badComputes + " of them bad actors" : "");
    }
}
