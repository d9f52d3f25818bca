package io.bacalao.compute.storage.s3;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.quantity.Quantities;

/**
 * The {@code InputSources.Types.S3.*} settings of a node: {@code maxBytes} in total and {@code maxObjects} per s3
 * input (Bacalao's ceilings, so that one job cannot fill the node's disk), and {@code parallelism}, the objects
 * of one input downloaded at once.
 */
public record S3Limits(long maxBytes, long maxObjects, int parallelism) {
    public static final S3Limits DEFAULTS = from(Config.defaults());

    public S3Limits {
        if (maxBytes < 0 || maxObjects < 0 || parallelism < 1) {
            throw new IllegalArgumentException("s3 input limits must not be negative and parallelism at least 1");
        }
    }

    public static S3Limits from(Config c) {
        long bytes;
        try {
            bytes = Quantities.parseBytes(c.get(ConfigKeys.S3_INPUT_MAX_BYTES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ConfigKeys.S3_INPUT_MAX_BYTES + ": " + e.getMessage(), e);
        }
        return new S3Limits(bytes, c.getInt(ConfigKeys.S3_INPUT_MAX_OBJECTS), c.getInt(ConfigKeys.S3_INPUT_PARALLELISM));
    }
}
