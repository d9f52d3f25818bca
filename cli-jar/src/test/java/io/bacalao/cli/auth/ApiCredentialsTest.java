package io.bacalao.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.cli.CliException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials from BACALAO_API_* or Bacalhau's BACALHAU_API_* variables, with Bacalhau's errors. */
class ApiCredentialsTest {

    @Test
    void anApiKeyIsABearerToken() {
        assertEquals(Optional.of("Bearer k123"), ApiCredentials.header(Map.of("BACALHAU_API_KEY", " k123 ")));
        assertEquals(Optional.of("Bearer own"), ApiCredentials.header(Map.of("BACALAO_API_KEY", "own", "BACALHAU_API_KEY", "theirs")));
    }

    @Test
    void aUsernameAndPasswordAreBasic() {
        assertEquals(Optional.of("Basic dXNlcjpwYXNzd29yZA=="),
                ApiCredentials.header(Map.of("BACALHAU_API_USERNAME", "user", "BACALAO_API_PASSWORD", "password")));
        assertEquals(Optional.empty(), ApiCredentials.header(Map.of("BACALHAU_API_KEY", "  ")));
    }

    @Test
    void mixedOrHalfCredentialsAreErrors() {
        assertEquals("authentication error: can't use both BACALHAU_API_KEY and BACALHAU_API_USERNAME/BACALHAU_API_PASSWORD simultaneously",
                assertThrows(CliException.class, () -> ApiCredentials.header(Map.of("BACALHAU_API_KEY", "k",
                        "BACALHAU_API_USERNAME", "u"))).getMessage());
        assertEquals("authentication error: BACALHAU_API_USERNAME provided but not BACALHAU_API_PASSWORD",
                assertThrows(CliException.class, () -> ApiCredentials.header(Map.of("BACALHAU_API_USERNAME", "u"))).getMessage());
        assertEquals("authentication error: BACALAO_API_PASSWORD provided but not BACALAO_API_USERNAME",
                assertThrows(CliException.class, () -> ApiCredentials.header(Map.of("BACALAO_API_PASSWORD", "p"))).getMessage());
    }
}
