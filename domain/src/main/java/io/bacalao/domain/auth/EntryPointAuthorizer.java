package io.bacalao.domain.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bacalhau's entry-point authoriser ({@code pkg/authz/entry_point_authorizer.go} and its basic-auth, API-key and
 * JWT authorisers): open routes pass; otherwise {@code Authorization: Basic} (username case-insensitive, password
 * plain or bcrypt), {@code Bearer <JWT>} (OAuth2, {@link JwtVerifier}) or {@code Bearer <API key>} must name a
 * caller whose actions grant what the route needs ({@link Capabilities}). Reasons are Bacalhau's.
 *
 * <p>Secrets are compared in constant time: every API key is compared with the given one (no early exit, no
 * hash-map lookup keyed by the secret), plain passwords with {@link MessageDigest#isEqual}.
 */
public final class EntryPointAuthorizer {
    private static final Logger LOG = Logger.getLogger(EntryPointAuthorizer.class.getName());
    private final Map<String, AuthUser> byUsername = new HashMap<>();
    private final List<AuthUser> keyUsers;
    private final JwtVerifier jwt;

    public EntryPointAuthorizer(AuthSettings settings, Clock clock) {
        for (AuthUser u : settings.users()) {
            if (u.apiKey().isEmpty()) byUsername.put(u.username().toLowerCase(Locale.ROOT), u);
        }
        keyUsers = settings.users().stream().filter(u -> !u.apiKey().isEmpty()).toList();
        AuthSettings.Oauth2 o = settings.oauth2();
        jwt = o.jwtEnabled()
                ? new JwtVerifier(new JwksKeys(URI.create(o.jwksUri()), o.jwksRefresh(), clock), o.issuer(), o.audience(), clock)
                : null;
    }

    /**
     * @param method        the HTTP method
     * @param path          the request path as sent (it is normalised here: dot segments, repeated slashes and
     *                      path parameters cannot move a protected route under an open prefix)
     * @param authorization the first Authorization header, or null
     */
    public Decision authorize(String method, String path, String authorization) {
        Capabilities.Resource resource = Capabilities.resourceOf(canonical(path));
        if (resource == Capabilities.Resource.OPEN) return Decision.OPEN;
        if (authorization == null) return Decision.unauthorized("Missing Authorization header");
        String required = Capabilities.required(resource, method);
        if (authorization.startsWith("Basic ")) return basic(authorization.substring(6), required);
        if (authorization.startsWith("Bearer ")) {
            String token = authorization.substring(7);
            return JwtVerifier.looksLikeJwt(token) ? jwt(token, required) : apiKey(token, required);
        }
        return Decision.unauthorized("unsupported authentication method");
    }

    private Decision basic(String encoded, String required) {
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Decision.unauthorized("failed to decode basic auth credentials");
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) return Decision.unauthorized("invalid basic auth credentials format");
        AuthUser user = byUsername.get(credentials.substring(0, colon).toLowerCase(Locale.ROOT));
        if (user == null || !PasswordHashes.matches(credentials.substring(colon + 1), user.password())) {
            return Decision.unauthorized("invalid basic auth credentials");
        }
        String name = user.alias().isEmpty() ? user.username() : user.alias();
        return Capabilities.allows(user.actions(), required) ? Decision.allow(name) : Decision.forbidden(name, required);
    }

    private Decision apiKey(String key, String required) {
        if (key.isEmpty()) return Decision.unauthorized("empty API key provided");
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        AuthUser found = null;
        for (AuthUser u : keyUsers) {
            if (MessageDigest.isEqual(given, u.apiKey().getBytes(StandardCharsets.UTF_8))) found = u;
        }
        if (found == null) return Decision.unauthorized("invalid API key");
        return Capabilities.allows(found.actions(), required)
                ? Decision.allow(found.identifier()) : Decision.forbidden(found.identifier(), required);
    }

    private Decision jwt(String token, String required) {
        if (jwt == null) return Decision.unauthorized("OAuth2 authentication not configured on server");
        JwtVerifier.Claims claims;
        try {
            claims = jwt.verify(token);
        } catch (JwtVerifier.InvalidToken e) {
            LOG.log(Level.INFO, "JWT validation failed: {0}", e.getMessage());
            return Decision.unauthorized("invalid JWT token");
        }
        return Capabilities.allows(claims.permissions(), required)
                ? Decision.allow(claims.subject()) : Decision.forbidden(claims.subject(), required);
    }

    /** The path a router would serve: decoded, path parameters dropped, slashes collapsed, dot segments resolved. */
    static String canonical(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        p = p.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        try {
            String decoded = new URI(null, null, p, null).normalize().getPath();
            return decoded == null || decoded.isEmpty() ? "/" : decoded;
        } catch (URISyntaxException e) {
            return p;
        }
    }
}
