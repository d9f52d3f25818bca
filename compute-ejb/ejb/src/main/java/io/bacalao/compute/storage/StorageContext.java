package io.bacalao.compute.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What storages may use: a fresh directory for this input (under the execution's directory), the retry count
 * and read timeout for downloads ({@code InputSources.MaxRetryCount}, {@code InputSources.ReadTimeout}), and
 * the node's {@code Compute.AllowListedLocalPaths} entries ({@code path[:rw|:ro]}, globs allowed), and the
 * ceilings on sizes ({@link InputLimits}).
 */
public record StorageContext(Path inputDir, int maxRetries, Duration readTimeout, List<String> allowListedLocalPaths,
        InputLimits limits) {

    public StorageContext {
        limits = limits == null ? InputLimits.DEFAULTS : limits;
    }

    /** With the default {@link InputLimits}. */
    public StorageContext(Path inputDir, int maxRetries, Duration readTimeout, List<String> allowListedLocalPaths) {
        this(inputDir, maxRetries, readTimeout, allowListedLocalPaths, InputLimits.DEFAULTS);
    }
}
