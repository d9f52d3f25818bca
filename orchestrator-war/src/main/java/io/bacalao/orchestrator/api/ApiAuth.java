package io.bacalao.orchestrator.api;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.auth.AuthSettings;
import io.bacalao.domain.auth.Decision;
import io.bacalao.domain.auth.EntryPointAuthorizer;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This node's authoriser, built once from {@code API.Auth} (docs/auth.md), and Bacalhau's answers to a refusal
 * ({@code pkg/publicapi/middleware/authz.go}). A configuration the node cannot use (the launcher checks it first)
 * leaves every protected request refused with 500: the API never opens because its auth settings are wrong.
 */
final class ApiAuth {
    static final String COMPONENT = io.bacalao.domain.auth.Refusals.COMPONENT;
    private static final Logger LOG = Logger.getLogger(ApiAuth.class.getName());

    private ApiAuth() {
    }

    /** Null when the API is open (no users, no OAuth2 provider). */
    static EntryPointAuthorizer authorizer() {
        if (Holder.BROKEN != null) throw Holder.BROKEN;
        return Holder.AUTHORIZER;
    }

    static AuthSettings settings() {
        return Holder.SETTINGS;
    }

    /** The error body of a refusal (401 or 403) and the recorded event ("Event has been recorded"). */
    static ApiError refusal(Decision d, String method, String path, String requestId) {
        LOG.log(Level.INFO, "API request refused: {0} {1} ({2}){3}", new Object[]{method, path, d.reason(),
                d.principal().isEmpty() ? "" : " principal " + d.principal()});
        return io.bacalao.domain.auth.Refusals.of(d, requestId);
    }

    private static final class Holder {
        static final AuthSettings SETTINGS;
        static final EntryPointAuthorizer AUTHORIZER;
        static final RuntimeException BROKEN;

        static {
            AuthSettings settings = null;
            EntryPointAuthorizer authorizer = null;
            RuntimeException broken = null;
            try {
                settings = AuthSettings.from(Config.from(key -> ConfigProvider.getConfig()
                        .getOptionalValue(key, String.class).orElse(null)));
                authorizer = settings.enabled() ? new EntryPointAuthorizer(settings, Clock.systemUTC()) : null;
            } catch (RuntimeException e) {
                LOG.severe("API.Auth cannot be used; every protected request is refused: " + e.getMessage());
                broken = e;
            }
            SETTINGS = settings;
            AUTHORIZER = authorizer;
            BROKEN = broken;
        }
    }
}
