package io.bacalao.domain.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Validates an OAuth2/OIDC bearer JWT as Bacalhau's {@code jwt_authorizer.go} does: RS256 only, signed by a key of
 * the provider's JWKS, {@code iss} equal to {@code API.Auth.Oauth2.Issuer}, {@code aud} naming
 * {@code API.Auth.Oauth2.Audience}, {@code exp} present and in the future, {@code iat} and {@code nbf} (when present)
 * not in the future. No leeway (golang-jwt's default). The caller's capabilities are the {@code permissions} claim.
 */
final class JwtVerifier {
    /** A verified token: its subject and its {@code permissions}. */
    record Claims(String subject, List<String> permissions) {
    }

    /** Why a token was refused (logged; the caller only sees "invalid JWT token", as Bacalhau's). */
    static final class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message);
        }
    }

    private final JwksKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    JwtVerifier(JwksKeys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    Claims verify(String token) throws InvalidToken {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw new InvalidToken("not three segments");
        JsonNode header = segment(parts[0]);
        JsonNode claims = segment(parts[1]);
        if (!"RS256".equals(header.path("alg").asText())) {
            throw new InvalidToken("signing method " + header.path("alg").asText() + " is invalid");
        }
        PublicKey key = keys.key(header.path("kid").asText(""))
                .orElseThrow(() -> new InvalidToken("no key in the JWKS for kid '" + header.path("kid").asText("") + "'"));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) throw new InvalidToken("signature is invalid");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidToken("signature is invalid: " + e.getMessage());
        }
        long now = clock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) throw new InvalidToken("token has no expiration");
        if (now >= exp.asLong()) throw new InvalidToken("token is expired");
        JsonNode iat = claims.get("iat");
        if (iat != null && (!iat.isNumber() || iat.asLong() > now)) throw new InvalidToken("token used before issued");
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || nbf.asLong() > now)) throw new InvalidToken("token is not valid yet");
        if (!issuer.equals(claims.path("iss").asText(null))) throw new InvalidToken("token has invalid issuer");
        if (!audienceMatches(claims.get("aud"))) throw new InvalidToken("token has invalid audience");
        List<String> permissions = new ArrayList<>();
        for (JsonNode p : claims.path("permissions")) {
            if (p.isTextual()) permissions.add(p.asText());
        }
        return new Claims(claims.path("sub").asText(""), permissions);
    }

    private boolean audienceMatches(JsonNode aud) {
        if (aud == null) return false;
        if (aud.isTextual()) return audience.equals(aud.asText());
        for (JsonNode a : aud) if (a.isTextual() && audience.equals(a.asText())) return true;
        return false;
    }

    private static JsonNode segment(String part) throws InvalidToken {
        try {
            JsonNode n = Json.mapper().readTree(Base64.getUrlDecoder().decode(part));
            if (n == null || !n.isObject()) throw new InvalidToken("segment is not a JSON object");
            return n;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InvalidToken("malformed segment: " + e.getMessage());
        }
    }

    /** Bacalhau's {@code isJWTToken}: three segments whose first two are base64url JSON objects. */
    static boolean looksLikeJwt(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return false;
        try {
            segment(parts[0]);
            segment(parts[1]);
            return true;
        } catch (InvalidToken e) {
            return false;
        }
    }
}
