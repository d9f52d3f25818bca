package io.bacalao.domain.auth;

import io.bacalao.domain.error.ApiError;
import java.util.Map;

/** Bacalhau's error body for a refused request ({@code pkg/publicapi/middleware/authz.go}): 403 with a valid credential, 401 without. */
public final class Refusals {
    /** The component the body names. */
    public static final String COMPONENT = "Authorizer";

    private Refusals() {
    }

    public static ApiError of(Decision d, String requestId) {
        return d.tokenValid()
                ? new ApiError(403, "Request Forbidden", requestId, "Forbidden", COMPONENT,
                "Check if user have access to this resource. Event has been recorded.", Map.of("reason", d.reason()))
                : new ApiError(401, "Request Unauthorized", requestId, "Unauthorized", COMPONENT,
                "Unauthorized principal. Event has been recorded.", Map.of("reason", d.reason()));
    }
}
