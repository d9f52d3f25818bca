package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.config.ConfigKeys;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiExposureTest {
    private static final Config ORCH = Config.defaults().with(ConfigKeys.ORCHESTRATOR_ENABLED, "true");

    @Test
    void anOpenApiOnEveryAddressIsWarnedAbout() {
        assertTrue(ApiExposure.check(ORCH).orElseThrow().startsWith("Warning: the API listens on 0.0.0.0:1234 without authentication"));
        assertTrue(ApiExposure.check(ORCH.with(ConfigKeys.API_HOST, "10.0.0.5")).isPresent());
        assertTrue(ApiExposure.check(ORCH.with(ConfigKeys.API_HOST, "example.org")).isPresent());
    }

    @Test
    void loopbackOrAuthenticatedIsNot() {
        assertEquals(Optional.empty(), ApiExposure.check(ORCH.with(ConfigKeys.API_HOST, "127.0.0.1")));
        assertEquals(Optional.empty(), ApiExposure.check(ORCH.with(ConfigKeys.API_HOST, "localhost")));
        assertEquals(Optional.empty(), ApiExposure.check(ORCH.with(ConfigKeys.API_HOST, "::1")));
        assertEquals(Optional.empty(), ApiExposure.check(ORCH.with(ConfigKeys.API_AUTH_USERS,
                "[{\"APIKey\":\"abcdefghijabcdefghij\",\"Capabilities\":[{\"Actions\":[\"*\"]}]}]")));
        assertEquals(Optional.empty(), ApiExposure.check(Config.defaults().with(ConfigKeys.COMPUTE_ENABLED, "true")));
    }

    @Test
    void unusableUsersStopTheStart() {
        ConfigException e = assertThrows(ConfigException.class, () -> ApiExposure.check(ORCH.with(ConfigKeys.API_AUTH_USERS,
                "[{\"Username\":\"bob\",\"Password\":\"short\",\"Capabilities\":[{\"Actions\":[\"*\"]}]}]")));
        assertEquals("error initializing users: password for user 'bob' is too short, minimum length is 10 characters", e.getMessage());
    }
}
