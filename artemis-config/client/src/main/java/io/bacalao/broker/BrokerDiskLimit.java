package io.bacalao.broker;

import java.util.Optional;

/**
 * The disk use above which the embedded broker accepts no more messages (Artemis's {@code max-disk-usage}: it then
 * blocks every producer until space is freed), and the check the orchestrator makes of it so that a full disk is
 * said out loud (readiness, refused submissions) instead of leaving every send hanging.
 */
public final class BrokerDiskLimit {
    /** Percent of the broker's file system in use at which Artemis blocks producers (its default, set explicitly). */
    public static final int MAX_DISK_USAGE_PERCENT = 90;

    private BrokerDiskLimit() {
    }

    /** Where an orchestrator's embedded broker keeps its journal, under the node's {@code DataDir}. */
    public static java.nio.file.Path embeddedBrokerDir(java.nio.file.Path dataDir) {
        return dataDir.resolve("orchestrator").resolve("broker");
    }

    /**
     * The problem when a file system of {@code totalBytes} with {@code usableBytes} free is at or above the limit, as
     * Artemis counts it ({@code 1 - usable/total}); empty when below it or when the sizes are unknown (0 total).
     */
    public static Optional<String> problem(String where, long totalBytes, long usableBytes) {
        if (totalBytes <= 0) return Optional.empty();
        double used = 100.0 * (totalBytes - Math.max(0, usableBytes)) / totalBytes;
        if (used < MAX_DISK_USAGE_PERCENT) return Optional.empty();
        return Optional.of(String.format(java.util.Locale.ROOT, "the broker's disk is %.1f%% full (%s; the broker stops"
                + " taking messages at %d%%): free space there, then try again", used, where, MAX_DISK_USAGE_PERCENT));
    }
}
