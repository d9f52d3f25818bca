package io.bacalao.compute.storage;

import io.bacalao.domain.archive.UnpackLimits;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.quantity.Quantities;

/**
 * Ceilings on what one input may bring onto this node (docs/admission-and-inputs.md): {@code maxDownloadBytes} for a
 * urlDownload body, {@code maxRedirects} it may follow, {@code maxInlineBytes} for the decoded payload of an inline
 * data URL, and {@code unpack} for what an inline tar.gz may unpack to. They keep one job from filling the node's
 * disk or memory; Bacalhau has no such keys ({@code InputSources.Max*} are Bacalao's).
 */
public record InputLimits(long maxDownloadBytes, int maxRedirects, long maxInlineBytes, UnpackLimits unpack) {
    public static final InputLimits DEFAULTS = from(Config.defaults());

    public InputLimits {
        if (maxDownloadBytes < 0 || maxRedirects < 0 || maxInlineBytes < 0) {
            throw new IllegalArgumentException("input limits must not be negative");
        }
    }

    /** @throws IllegalArgumentException naming the key whose value is not a byte quantity or count */
    public static InputLimits from(Config c) {
        return new InputLimits(bytes(c, ConfigKeys.MAX_DOWNLOAD_BYTES), c.getInt(ConfigKeys.MAX_REDIRECTS),
                bytes(c, ConfigKeys.MAX_INLINE_BYTES),
                new UnpackLimits(bytes(c, ConfigKeys.MAX_UNPACKED_BYTES), c.getInt(ConfigKeys.MAX_UNPACKED_ENTRIES)));
    }

    private static long bytes(Config c, String key) {
        try {
            return Quantities.parseBytes(c.get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
