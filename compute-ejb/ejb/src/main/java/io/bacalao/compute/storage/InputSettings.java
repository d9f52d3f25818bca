package io.bacalao.compute.storage;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The node's input settings, the same for every input of every execution: {@code maxRetries} is the number of
 * further attempts after a failed download (0 = try once), {@code readTimeout} limits each attempt (null or
 * non-positive = no limit), {@code allowListedLocalPaths} are {@code Compute.AllowListedLocalPaths} entries,
 * {@code limits} the {@code InputSources.Max*} ceilings.
 */
public record InputSettings(int maxRetries, Duration readTimeout, List<String> allowListedLocalPaths, InputLimits limits) {
    public static final String MAX_RETRY_COUNT = "InputSources.MaxRetryCount";
    public static final String READ_TIMEOUT = "InputSources.ReadTimeout";
    public static final String ALLOW_LISTED_LOCAL_PATHS = ConfigKeys.ALLOW_LISTED_LOCAL_PATHS;

    public InputSettings {
        allowListedLocalPaths = allowListedLocalPaths == null ? List.of() : List.copyOf(allowListedLocalPaths);
        limits = limits == null ? InputLimits.DEFAULTS : limits;
    }

    /** With the default {@link InputLimits}. */
    public InputSettings(int maxRetries, Duration readTimeout, List<String> allowListedLocalPaths) {
        this(maxRetries, readTimeout, allowListedLocalPaths, InputLimits.DEFAULTS);
    }

    public static InputSettings from(Config config) {
        return new InputSettings(config.getInt(MAX_RETRY_COUNT), config.getDuration(READ_TIMEOUT),
                config.getList(ALLOW_LISTED_LOCAL_PATHS), InputLimits.from(config));
    }

    /** What a storage gets for one input whose data goes under {@code inputDir}. */
    public StorageContext contextFor(Path inputDir) {
        return new StorageContext(inputDir, maxRetries, readTimeout, allowListedLocalPaths, limits);
    }
}
