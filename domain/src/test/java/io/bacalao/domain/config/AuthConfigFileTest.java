package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.auth.AuthUser;
import io.bacalao.domain.auth.AuthUsers;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bacalhau's own auth configurations (test_integration/common_assets/nodes_configs/17_*, 18_*) load as they are. */
class AuthConfigFileTest {

    @Test
    void bacalhausBasicAuthConfigLoads() throws URISyntaxException {
        Config c = ConfigLoader.withDefaults().file(resource("17_basic_auth_enabled_orchestrator.yaml")).resolve();
        List<AuthUser> users = AuthUsers.parse(c.get(ConfigKeys.API_AUTH_USERS));
        AuthUsers.validate(users);
        assertEquals(4, users.size());
        assertEquals("snoopyusername", users.get(0).username());
        assertEquals(List.of("read:node", "read:agent", "read:job"), users.get(1).actions());
        assertEquals("P7D4CBB284634DD081FAC33868436ECCL", users.get(2).apiKey());
        assertEquals("uuid", c.get(ConfigKeys.NAME_PROVIDER));
        // secret as a whole on display
        assertEquals(Config.REDACTED, ((Map<?, ?>) ((Map<?, ?>) c.asTree(true).get("API")).get("Auth")).get("Users"));
    }

    @Test
    void bacalhausSsoConfigLoads() throws URISyntaxException {
        Config c = ConfigLoader.withDefaults().file(resource("18_sso_auth_enabled_orchestrator.yaml")).resolve();
        assertEquals("auth0", c.get(ConfigKeys.OAUTH2_PROVIDER_ID));
        assertEquals("https://example.com/.well-known/jwks.json", c.get(ConfigKeys.OAUTH2_JWKS_URI));
        assertEquals(5, c.getInt(ConfigKeys.OAUTH2_POLLING_INTERVAL));
        assertEquals(List.of("openid", "profile"), c.getList(ConfigKeys.OAUTH2_SCOPES));
        assertTrue(c.get(ConfigKeys.API_AUTH_USERS).isEmpty());
    }

    @Test
    void usersComeFromTheEnvironmentAsJson() {
        Config c = ConfigLoader.withDefaults().environment(Map.of("BACALAO_API_AUTH_USERS",
                "[{\"APIKey\":\"abcdefghijabcdefghij\",\"Capabilities\":[{\"Actions\":[\"*\"]}]}]")).resolve();
        assertEquals("abcdefghijabcdefghij", AuthUsers.parse(c.get(ConfigKeys.API_AUTH_USERS)).get(0).apiKey());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AuthConfigFileTest.class.getResource("/auth/" + name).toURI());
    }
}
