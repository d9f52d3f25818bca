package io.bacalao.orchestrator.api;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The REST API's limits as configured (defaults in {@link ConfigKeys}, documented in docs/api-limits.md).
 *
 * @param maxBodyBytes      largest request body read, in bytes (413 beyond)
 * @param requestsPerSecond requests per second and burst per client IP (429 beyond); 0 = unlimited
 * @param allowedOrigins    web origins allowed cross-origin access; empty = none
 */
public record ApiLimits(long maxBodyBytes, int requestsPerSecond, List<String> allowedOrigins) {

    public static ApiLimits from(Config c) {
        long body = Long.parseLong(c.get(ConfigKeys.API_MAX_BODY_BYTES).trim());
        int rate = c.getInt(ConfigKeys.API_RATE_LIMIT);
        if (body < 1 || rate < 0) {
            throw new IllegalArgumentException(ConfigKeys.API_MAX_BODY_BYTES + " must be > 0 and "
                    + ConfigKeys.API_RATE_LIMIT + " >= 0");
        }
        return new ApiLimits(body, rate, c.getList(ConfigKeys.API_CORS_ALLOWED_ORIGINS));
    }

    /** This node's limits, read once from MicroProfile Config (the launcher's system properties). */
    public static ApiLimits configured() {
        return Holder.LIMITS;
    }

    private static final class Holder {
        static final ApiLimits LIMITS = from(Config.from(key -> ConfigProvider.getConfig()
                .getOptionalValue(key, String.class).orElse(null)));
    }
}
