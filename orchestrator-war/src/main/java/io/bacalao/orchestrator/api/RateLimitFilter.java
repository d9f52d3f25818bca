package io.bacalao.orchestrator.api;

import io.bacalao.domain.error.BacalaoException;
import io.bacalao.domain.error.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;

/** Refuses a client IP's requests beyond {@code API.Limits.RequestsPerSecond} with 429 (Code ResourceExhausted). */
@Provider
@PreMatching
@Priority(ApiFilterOrder.RATE_LIMIT)
public class RateLimitFilter implements ContainerRequestFilter {
    private final RateLimiter limiter = new RateLimiter(ApiLimits.configured().requestsPerSecond(), Clock.systemUTC());

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String client = http == null ? "" : http.getRemoteAddr();
        if (!limiter.allow(client)) {
            throw new BacalaoException(ErrorCode.RESOURCE_EXHAUSTED, ErrorMapper.API_SERVER, "rate limit exceeded",
                    "slow down: at most " + ApiLimits.configured().requestsPerSecond() + " requests per second per client");
        }
    }
}
