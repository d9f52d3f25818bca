package io.bacalao.domain.auth;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.config.ConfigKeys;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code API.Auth} as configured: the users and the OAuth2 provider. {@link #from} validates both with Bacalhau's
 * rules ({@code pkg/authz/entry_point_authorizer.go}, {@code jwt_authorizer.go}) and messages, prefixed as Bacalhau's
 * node start-up prefixes them ("error initializing users: …").
 *
 * @param users  the users (validated)
 * @param oauth2 the provider; {@link Oauth2#jwtEnabled()} when JWKSUri, Issuer, Audience and DeviceClientID are set
 */
public record AuthSettings(List<AuthUser> users, Oauth2 oauth2) {

    /** Bacalhau's {@code types.Oauth2Config}, as {@code GET /api/v1/agent/authconfig} shows it. */
    public record Oauth2(String providerId, String providerName, String deviceAuthorizationEndpoint,
                         String tokenEndpoint, String issuer, String jwksUri, String deviceClientId,
                         int pollingInterval, String audience, List<String> scopes, Duration jwksRefresh) {
        public boolean jwtEnabled() {
            return !jwksUri.isEmpty();
        }

        /** The non-empty fields under Bacalhau's JSON names (its omitempty). */
        public Map<String, Object> asJson() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            put(m, "ProviderID", providerId);
            put(m, "ProviderName", providerName);
            put(m, "TokenEndpoint", tokenEndpoint);
            put(m, "JWKSUri", jwksUri);
            put(m, "Issuer", issuer);
            put(m, "DeviceClientID", deviceClientId);
            put(m, "Audience", audience);
            if (!scopes.isEmpty()) m.put("Scopes", scopes);
            put(m, "DeviceAuthorizationEndpoint", deviceAuthorizationEndpoint);
            if (pollingInterval != 0) m.put("PollingInterval", pollingInterval);
            return m;
        }

        private static void put(Map<String, Object> m, String k, String v) {
            if (!v.isEmpty()) m.put(k, v);
        }
    }

    public static AuthSettings from(Config c) {
        try {
            List<AuthUser> users = AuthUsers.parse(c.get(ConfigKeys.API_AUTH_USERS));
            AuthUsers.validate(users);
            Oauth2 o = new Oauth2(c.get(ConfigKeys.OAUTH2_PROVIDER_ID).trim(), c.get(ConfigKeys.OAUTH2_PROVIDER_NAME).trim(),
                    c.get(ConfigKeys.OAUTH2_DEVICE_AUTHORIZATION_ENDPOINT).trim(), c.get(ConfigKeys.OAUTH2_TOKEN_ENDPOINT).trim(),
                    c.get(ConfigKeys.OAUTH2_ISSUER).trim(), c.get(ConfigKeys.OAUTH2_JWKS_URI).trim(),
                    c.get(ConfigKeys.OAUTH2_DEVICE_CLIENT_ID).trim(), c.getInt(ConfigKeys.OAUTH2_POLLING_INTERVAL),
                    c.get(ConfigKeys.OAUTH2_AUDIENCE).trim(), c.getList(ConfigKeys.OAUTH2_SCOPES),
                    c.getDuration(ConfigKeys.OAUTH2_JWKS_REFRESH));
            validate(o);
            return new AuthSettings(users, o);
        } catch (ConfigException e) {
            throw new ConfigException("error initializing users: " + e.getMessage());
        }
    }

    /** Bacalhau's {@code validateOAuth2Config}: any of the four JWT fields set means all four. */
    private static void validate(Oauth2 o) {
        boolean any = !o.jwksUri().isEmpty() || !o.issuer().isEmpty() || !o.audience().isEmpty()
                || !o.deviceClientId().isEmpty();
        if (!any) return;
        List<String> missing = new ArrayList<>();
        if (o.jwksUri().isEmpty()) missing.add("JWKSUri");
        if (o.issuer().isEmpty()) missing.add("Issuer");
        if (o.audience().isEmpty()) missing.add("Audience");
        if (o.deviceClientId().isEmpty()) missing.add("DeviceClientID");
        if (!missing.isEmpty()) {
            throw new ConfigException("missing required OAuth2 fields for JWT authorization: " + String.join(", ", missing));
        }
        try {
            URI u = new URI(o.jwksUri());
            if (u.getScheme() == null || u.getHost() == null) throw new java.net.URISyntaxException(o.jwksUri(), "no host");
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("invalid JWKS URL format: " + o.jwksUri());
        }
    }

    /**
     * Whether the entry-point authoriser runs: users configured or an OAuth2 provider (Bacalhau: users or
     * ProviderID; Bacalao also when only JWKSUri is set, so a provider configured without an ID never leaves the
     * API open).
     */
    public boolean enabled() {
        return !users.isEmpty() || !oauth2.providerId().isEmpty() || oauth2.jwtEnabled();
    }
}
