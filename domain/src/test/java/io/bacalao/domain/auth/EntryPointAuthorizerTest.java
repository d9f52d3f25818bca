package io.bacalao.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.config.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The entry-point authoriser on Bacalhau's 17 config users (plus a bcrypt user and an OAuth2 provider served by
 * {@link TestJwks}): open routes, Basic, API keys, JWTs, and Bacalhau's reasons for 401 and 403.
 */
class EntryPointAuthorizerTest {
    private static final String WRITE_KEY = "P7D4CBB284634DD081FAC33868436ECCL";
    private static final String READ_KEY = "QWERTYHFGCBNSKFIREHFURHUFE7KEEFBN";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ISSUER = "https://issuer.test/";
    private static final String AUDIENCE = "https://bacalao.test/orchestrator";
    private final TestJwks provider = newProvider();
    private final EntryPointAuthorizer auth = new EntryPointAuthorizer(AuthSettings.from(config()), Clock.fixed(NOW, ZoneOffset.UTC));

    private static TestJwks newProvider() {
        try {
            return new TestJwks();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Config config() {
        String users = """
                [{"Alias":"snoopy","Username":"snoopyusername","Password":"snoopypassword",
                  "Capabilities":[{"Actions":["read:node","read:agent","read:job","write:job"]}]},
                 {"Alias":"readonlyuser","Username":"readonlyusername","Password":"readonlyuserpassword",
                  "Capabilities":[{"Actions":["read:node","read:agent","read:job"]}]},
                 {"Alias":"snoopy-api-key","APIKey":"%s","Capabilities":[{"Actions":["read:node","read:agent","read:job","write:job"]}]},
                 {"APIKey":"%s","Capabilities":[{"Actions":["read:node","read:agent","read:job"]}]},
                 {"Username":"hashed","Password":"%s","Capabilities":[{"Actions":["*"]}]}]"""
                .formatted(WRITE_KEY, READ_KEY, PasswordHashes.hash("hashedpassword"));
        return Config.defaults().with(ConfigKeys.API_AUTH_USERS, users)
                .with(ConfigKeys.OAUTH2_PROVIDER_ID, "test").with(ConfigKeys.OAUTH2_JWKS_URI, provider.uri().toString())
                .with(ConfigKeys.OAUTH2_ISSUER, ISSUER).with(ConfigKeys.OAUTH2_AUDIENCE, AUDIENCE)
                .with(ConfigKeys.OAUTH2_DEVICE_CLIENT_ID, "cli");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void openRoutesNeedNothing() {
        for (String p : List.of("/api/v1/agent/alive", "/api/v1/agent/version", "/api/v1/version", "/api/v1/auth",
                "/api/v1/agent/authconfig")) {
            assertTrue(auth.authorize("GET", p, null).approved(), p);
        }
    }

    @Test
    void protectedRoutesWithoutCredentialsAre401() {
        Decision d = auth.authorize("GET", "/api/v1/orchestrator/jobs", null);
        assertEquals(new Decision(false, false, "Missing Authorization header", ""), d);
        assertEquals("unsupported authentication method", auth.authorize("GET", "/api/v1/agent/node", "Digest x").reason());
        // an unlisted route is protected too, and dot segments cannot reach a protected route through an open one
        assertEquals(false, auth.authorize("GET", "/api/v1/requester/list", null).approved());
        assertEquals(false, auth.authorize("GET", "/api/v1/auth/../orchestrator/jobs", null).approved());
        assertEquals(false, auth.authorize("GET", "/api/v1/agent/alive/..//../orchestrator/nodes", null).approved());
        assertEquals(false, auth.authorize("GET", "/api/v1/auth;x=1/../orchestrator/jobs", null).approved());
    }

    @Test
    void basicCredentials() {
        assertTrue(auth.authorize("PUT", "/api/v1/orchestrator/jobs", basic("snoopyusername", "snoopypassword")).approved());
        assertTrue(auth.authorize("GET", "/api/v1/orchestrator/jobs", basic("SnoopyUserName", "snoopypassword")).approved(),
                "usernames are case-insensitive");
        assertEquals(new Decision(false, true, "user 'readonlyuser' does not have the required capability 'write:job'",
                "readonlyuser"), auth.authorize("PUT", "/api/v1/orchestrator/jobs", basic("readonlyusername", "readonlyuserpassword")));
        assertEquals("user 'snoopy' does not have the required capability 'write:node'",
                auth.authorize("POST", "/api/v1/orchestrator/nodes", basic("snoopyusername", "snoopypassword")).reason());
        assertEquals("invalid basic auth credentials",
                auth.authorize("GET", "/api/v1/orchestrator/jobs", basic("snoopyusername", "SNOOPYPASSWORD")).reason());
        assertEquals("invalid basic auth credentials",
                auth.authorize("GET", "/api/v1/orchestrator/jobs", basic("nobody", "snoopypassword")).reason());
        assertEquals("failed to decode basic auth credentials", auth.authorize("GET", "/api/v1/agent/node", "Basic !!!").reason());
        assertEquals("invalid basic auth credentials format", auth.authorize("GET", "/api/v1/agent/node",
                "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))).reason());
    }

    @Test
    void bcryptPasswords() {
        assertTrue(auth.authorize("DELETE", "/api/v1/orchestrator/nodes/n-1", basic("hashed", "hashedpassword")).approved());
        assertEquals(false, auth.authorize("GET", "/api/v1/orchestrator/nodes", basic("hashed", "hashedpassworD")).approved());
    }

    @Test
    void apiKeys() {
        assertTrue(auth.authorize("PUT", "/api/v1/orchestrator/jobs", "Bearer " + WRITE_KEY).approved());
        assertTrue(auth.authorize("GET", "/api/v1/orchestrator/nodes", "Bearer " + READ_KEY).approved());
        assertEquals(new Decision(false, true, "user 'API key ending in ...EEFBN' does not have the required capability"
                + " 'write:job'", "API key ending in ...EEFBN"), auth.authorize("PUT", "/api/v1/orchestrator/jobs", "Bearer " + READ_KEY));
        assertEquals("invalid API key", auth.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer " + WRITE_KEY + "x").reason());
        assertEquals("empty API key provided", auth.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer ").reason());
    }

    private Map<String, Object> claims(long expOffset, String iss, Object aud, List<String> permissions) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", "auth0|alice");
        c.put("iss", iss);
        c.put("aud", aud);
        c.put("iat", NOW.getEpochSecond() - 60);
        c.put("exp", NOW.getEpochSecond() + expOffset);
        if (permissions != null) c.put("permissions", permissions);
        return c;
    }

    @Test
    void jwtBearerTokens() throws Exception {
        String valid = provider.token("k1", claims(300, ISSUER, List.of(AUDIENCE, "other"), List.of("read:job", "write:job")));
        assertTrue(auth.authorize("PUT", "/api/v1/orchestrator/jobs", "Bearer " + valid).approved());
        assertEquals("user 'auth0|alice' does not have the required capability 'read:node'",
                auth.authorize("GET", "/api/v1/orchestrator/nodes", "Bearer " + valid).reason());
        String noPermissions = provider.token("k1", claims(300, ISSUER, AUDIENCE, null));
        Decision d = auth.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer " + noPermissions);
        assertEquals(new Decision(false, true, "user 'auth0|alice' does not have the required capability 'read:job'",
                "auth0|alice"), d);
        for (String bad : List.of(
                provider.token("k1", claims(-1, ISSUER, AUDIENCE, List.of("*"))),            // expired
                provider.token("k1", claims(300, "https://evil.test/", AUDIENCE, List.of("*"))), // wrong issuer
                provider.token("k1", claims(300, ISSUER, "https://elsewhere.test", List.of("*"))), // wrong audience
                TestJwks.foreignToken("k1", claims(300, ISSUER, AUDIENCE, List.of("*"))),        // bad signature
                TestJwks.sign(Map.of("alg", "none", "kid", "k1"), claims(300, ISSUER, AUDIENCE, List.of("*")),
                        java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()))) { // not RS256
            assertEquals(new Decision(false, false, "invalid JWT token", ""),
                    auth.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer " + bad));
        }
        Map<String, Object> noExp = claims(300, ISSUER, AUDIENCE, List.of("*"));
        noExp.remove("exp");
        assertEquals("invalid JWT token", auth.authorize("GET", "/api/v1/orchestrator/jobs",
                "Bearer " + provider.token("k1", noExp)).reason());
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() {
        String first = provider.token("k1", claims(300, ISSUER, AUDIENCE, List.of("*")));
        assertTrue(auth.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer " + first).approved());
        provider.addKey("k2");
        String rotated = provider.token("k2", claims(300, ISSUER, AUDIENCE, List.of("*")));
        // within 10 s of the last fetch (the clock is fixed) the set is not fetched again for an unknown kid
        assertEquals("invalid JWT token", auth.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer " + rotated).reason());
        EntryPointAuthorizer later = new EntryPointAuthorizer(AuthSettings.from(config()), Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(later.authorize("GET", "/api/v1/orchestrator/jobs", "Bearer " + rotated).approved());
    }

    @Test
    void incompleteOauth2IsRefusedAtStart() {
        Config c = Config.defaults().with(ConfigKeys.OAUTH2_JWKS_URI, "https://x.test/jwks").with(ConfigKeys.OAUTH2_ISSUER, "i");
        assertEquals("error initializing users: missing required OAuth2 fields for JWT authorization: Audience, DeviceClientID",
                assertThrows(ConfigException.class, () -> AuthSettings.from(c)).getMessage());
        Config bad = Config.defaults().with(ConfigKeys.OAUTH2_JWKS_URI, "not a url").with(ConfigKeys.OAUTH2_ISSUER, "i")
                .with(ConfigKeys.OAUTH2_AUDIENCE, "a").with(ConfigKeys.OAUTH2_DEVICE_CLIENT_ID, "c");
        assertEquals("error initializing users: invalid JWKS URL format: not a url",
                assertThrows(ConfigException.class, () -> AuthSettings.from(bad)).getMessage());
    }

    @Test
    void withoutUsersOrProviderTheApiIsOpen() {
        AuthSettings s = AuthSettings.from(Config.defaults());
        assertEquals(false, s.enabled());
        assertTrue(AuthSettings.from(config()).enabled());
    }
}
