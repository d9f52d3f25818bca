package io.bacalao.cli.launch;

import io.bacalao.domain.auth.AuthSettings;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What {@code serve} checks about the REST API's exposure before it starts an orchestrator: {@code API.Auth} must
 * be usable (Bacalhau's "error initializing users: …" otherwise, and the node does not start), and an API that
 * listens beyond this machine without users or an OAuth2 provider is worth a warning: anyone who reaches it can
 * submit, stop and read every job and approve or delete nodes (docs/auth.md).
 */
final class ApiExposure {
    private ApiExposure() {
    }

    /** The warning for this config, if any; throws ConfigException when API.Auth cannot be used. */
    static Optional<String> check(Config config) {
        if (!config.getBool(ConfigKeys.ORCHESTRATOR_ENABLED)) return Optional.empty();
        AuthSettings auth = AuthSettings.from(config);
        String host = config.get(ConfigKeys.API_HOST).trim();
        if (auth.enabled() || isLoopback(host)) return Optional.empty();
        return Optional.of("Warning: the API listens on " + host + ":" + config.get(ConfigKeys.API_PORT)
                + " without authentication: anyone who can reach it can run, stop and read jobs and approve or delete"
                + " nodes. Configure API.Auth.Users or API.Auth.Oauth2 (see docs/auth.md), or set API.Host=127.0.0.1.");
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            // literal addresses only: a name is not resolved (it could change), and counts as exposed
            if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) return false;
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
