package io.bacalao.cli.profile;

import io.bacalao.cli.CliException;
import io.bacalao.domain.config.Durations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CLI connection profile as Bacalhau stores it ({@code endpoint}, {@code description}, {@code timeout},
 * {@code auth.token}, {@code tls.insecure}): where the API is and how to talk to it. Empty fields are left out.
 */
public record Profile(String endpoint, String description, String timeout, String token, boolean insecure) {

    /** Bacalhau's rule: an endpoint is required, a timeout must be a duration. */
    public Profile {
        if (endpoint == null || endpoint.isBlank()) throw new CliException("invalid profile: endpoint is required");
        if (timeout != null && !timeout.isBlank()) {
            try {
                Durations.parse(timeout);
            } catch (IllegalArgumentException e) {
                throw new CliException("invalid profile: invalid timeout \"" + timeout + "\"");
            }
        }
    }

    /** The YAML tree of a profile file. */
    public Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", endpoint);
        if (description != null && !description.isEmpty()) m.put("description", description);
        if (timeout != null && !timeout.isEmpty()) m.put("timeout", timeout);
        if (token != null && !token.isEmpty()) m.put("auth", Map.of("token", token));
        if (insecure) m.put("tls", Map.of("insecure", true));
        return m;
    }

    static Profile fromTree(Map<?, ?> m) {
        Map<?, ?> auth = m.get("auth") instanceof Map<?, ?> a ? a : Map.of();
        Map<?, ?> tls = m.get("tls") instanceof Map<?, ?> t ? t : Map.of();
        return new Profile(text(m.get("endpoint")), text(m.get("description")), text(m.get("timeout")),
                text(auth.get("token")), Boolean.parseBoolean(text(tls.get("insecure"))));
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    public Profile withEndpoint(String e) {
        return new Profile(e, description, timeout, token, insecure);
    }

    public Profile withDescription(String d) {
        return new Profile(endpoint, d, timeout, token, insecure);
    }

    public Profile withTimeout(String t) {
        return new Profile(endpoint, description, t, token, insecure);
    }

    public Profile withInsecure(boolean i) {
        return new Profile(endpoint, description, timeout, token, i);
    }
}
