package io.bacalao.domain.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The RSA keys of an OAuth2 provider's JSON Web Key Set ({@code API.Auth.Oauth2.JWKSUri}), fetched on first use,
 * again every {@code refresh}, and again (at most every {@link #MIN_REFETCH}) when a token names a key ID the set
 * does not hold, so a provider's key rotation is picked up. A failed fetch keeps the keys already known.
 */
final class JwksKeys {
    private static final Logger LOG = Logger.getLogger(JwksKeys.class.getName());
    /** Floor between two fetches caused by unknown key IDs: a stream of forged kids cannot hammer the provider. */
    static final Duration MIN_REFETCH = Duration.ofSeconds(10);
    /** Connect and read limit of one fetch, in milliseconds. */
    private static final int TIMEOUT_MILLIS = 5_000;
    /** Largest JWKS document read (a set holds a few keys of well under 1 KiB each). */
    private static final int MAX_BYTES = 1 << 20;

    private final URI uri;
    private final Duration refresh;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.MIN;

    JwksKeys(URI uri, Duration refresh, Clock clock) {
        this.uri = uri;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** The key with this ID; with no ID, the set's only key. */
    Optional<PublicKey> key(String kid) {
        if (stale(clock.instant())) fetchIf(true);
        Optional<PublicKey> k = find(kid);
        if (k.isEmpty() && fetchIf(false)) k = find(kid);
        return k;
    }

    private Optional<PublicKey> find(String kid) {
        Map<String, PublicKey> current = keys;
        if (kid == null || kid.isEmpty()) {
            return current.size() == 1 ? Optional.of(current.values().iterator().next()) : Optional.empty();
        }
        return Optional.ofNullable(current.get(kid));
    }

    private boolean stale(Instant now) {
        return fetchedAt.equals(Instant.MIN) || (refresh.isPositive() && now.isAfter(fetchedAt.plus(refresh)));
    }

    /**
     * Fetches the set when it is stale (or, for an unknown key ID, when the last fetch is older than
     * {@link #MIN_REFETCH}); the check is repeated under the lock so that concurrent callers fetch once.
     */
    private synchronized boolean fetchIf(boolean whenStale) {
        Instant now = clock.instant();
        boolean due = whenStale ? stale(now) : fetchedAt.equals(Instant.MIN) || now.isAfter(fetchedAt.plus(MIN_REFETCH));
        if (!due) return false;
        fetchedAt = now;
        try {
            keys = parse(download());
        } catch (IOException | RuntimeException e) {
            LOG.warning("cannot read the JWKS at " + uri + " (keeping " + keys.size() + " known keys): " + e.getMessage());
        }
        return true;
    }

    private String download() throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(java.net.Proxy.NO_PROXY);
        c.setConnectTimeout(TIMEOUT_MILLIS);
        c.setReadTimeout(TIMEOUT_MILLIS);
        c.setRequestProperty("Accept", "application/json");
        try {
            int status = c.getResponseCode();
            if (status != 200) throw new IOException("HTTP " + status);
            try (InputStream in = c.getInputStream()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) throw new IOException("larger than " + MAX_BYTES + " bytes");
                return new String(body, java.nio.charset.StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }

    /** The RSA signing keys of a JWKS document by key ID (keys of other types or for encryption are skipped). */
    static Map<String, PublicKey> parse(String json) throws IOException {
        JsonNode root = Json.mapper().readTree(json);
        Map<String, PublicKey> out = new LinkedHashMap<>();
        for (JsonNode k : root.path("keys")) {
            if (!"RSA".equals(k.path("kty").asText()) || "enc".equals(k.path("use").asText())) continue;
            try {
                Base64.Decoder d = Base64.getUrlDecoder();
                BigInteger n = new BigInteger(1, d.decode(k.path("n").asText()));
                BigInteger e = new BigInteger(1, d.decode(k.path("e").asText()));
                out.put(k.path("kid").asText(""), KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException bad) {
                LOG.warning("skipping an unreadable key in the JWKS: " + bad.getMessage());
            }
        }
        return Map.copyOf(out);
    }
}
