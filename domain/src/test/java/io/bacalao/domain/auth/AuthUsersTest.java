package io.bacalao.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The users list's validation, with Bacalhau's messages (pkg/authz/entry_point_authorizer.go). */
class AuthUsersTest {
    private static final String KEY = "P7D4CBB284634DD081FAC33868436ECCL";

    @Test
    void readsBacalhauShapeInAnyCase() {
        List<AuthUser> users = AuthUsers.parse("""
                [{"Alias":"a","Username":"bob","Password":"bobpassword1","Capabilities":[{"Actions":["read:job"]},{"Actions":["write:*"]}]},
                 {"apikey":"%s","capabilities":[{"actions":["*"]}]}]""".formatted(KEY));
        assertEquals(2, users.size());
        assertEquals(List.of("read:job", "write:*"), users.get(0).actions());
        assertEquals(KEY, users.get(1).apiKey());
        assertEquals("API key ending in ...ECCL".replace("...ECCL", "..." + KEY.substring(KEY.length() - 5)),
                users.get(1).identifier());
        AuthUsers.validate(users);
    }

    @Test
    void anUnknownFieldIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> AuthUsers.parse(
                "[{\"Username\":\"bob\",\"Password\":\"bobpassword1\",\"Capabilites\":[]}]"));
        assertTrue(e.getMessage().startsWith("API.Auth.Users is not a list of users"), e.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{'Alias':'x','Username':'bob','Password':'bobpassword1','APIKey':'" + KEY + "','Capabilities':[{'Actions':['*']}]}"
                    + "|user 'x' has both username/password and API key, must have only one authentication method",
            "{'Alias':'x','Username':'bob','Capabilities':[{'Actions':['*']}]}"
                    + "|user 'x' has neither username/password nor API key, must have one authentication method",
            "{'Username':'bob smith','Password':'bobpassword1','Capabilities':[{'Actions':['*']}]}"
                    + "|username for user 'bob smith' must contain only alphanumeric characters (a-z, A-Z, 0-9)",
            "{'Username':'bob','Password':'short','Capabilities':[{'Actions':['*']}]}"
                    + "|password for user 'bob' is too short, minimum length is 10 characters",
            "{'APIKey':'tooshortkey','Capabilities':[{'Actions':['*']}]}"
                    + "|API key for user 'API key ending in ...ortkey' is too short, minimum length is 20 characters",
            "{'Username':'bob','Password':'bobpassword1'}"
                    + "|user 'bob' has no capabilities defined, must have at least one capability",
            "{'Alias':'dup','Username':'bob','Password':'bobpassword1','Capabilities':[{'Actions':['*']}]},"
                    + "{'Alias':'DUP','Username':'alice','Password':'alicepassword','Capabilities':[{'Actions':['*']}]}"
                    + "|duplicate alias detected: 'dup' and 'DUP' (aliases are case-insensitive)",
            "{'Username':'bob','Password':'bobpassword1','Capabilities':[{'Actions':['*']}]},"
                    + "{'Username':'BOB','Password':'bobpassword2','Capabilities':[{'Actions':['*']}]}"
                    + "|duplicate username detected: 'bob' and 'BOB' (usernames are case-insensitive)",
            "{'Alias':'k1','APIKey':'" + KEY + "','Capabilities':[{'Actions':['*']}]},"
                    + "{'Alias':'k2','APIKey':'" + KEY + "','Capabilities':[{'Actions':['*']}]}"
                    + "|duplicate API key detected for user 'k2'"})
    void badUsersAreRefusedWithBacalhausMessage(String users, String message) {
        List<AuthUser> parsed = AuthUsers.parse("[" + users.replace('\'', '"') + "]");
        ConfigException e = assertThrows(ConfigException.class, () -> AuthUsers.validate(parsed));
        assertEquals(message.replace("...ortkey", "...rtkey"), e.getMessage());
    }

    @Test
    void lengthLimits() {
        String longName = "a".repeat(101);
        List<AuthUser> u = AuthUsers.parse("[{\"Username\":\"" + longName + "\",\"Password\":\"bobpassword1\","
                + "\"Capabilities\":[{\"Actions\":[\"*\"]}]}]");
        assertEquals("username for user '" + longName + "' exceeds maximum length of 100 characters",
                assertThrows(ConfigException.class, () -> AuthUsers.validate(u)).getMessage());
        List<AuthUser> p = AuthUsers.parse("[{\"Username\":\"bob\",\"Password\":\"" + "p".repeat(256) + "\","
                + "\"Capabilities\":[{\"Actions\":[\"*\"]}]}]");
        assertEquals("password for user 'bob' exceeds maximum length of 255 characters",
                assertThrows(ConfigException.class, () -> AuthUsers.validate(p)).getMessage());
        List<AuthUser> k = AuthUsers.parse("[{\"Alias\":\"k\",\"APIKey\":\"" + "k".repeat(256) + "\","
                + "\"Capabilities\":[{\"Actions\":[\"*\"]}]}]");
        assertEquals("API key for user 'k' exceeds maximum length of 255 characters",
                assertThrows(ConfigException.class, () -> AuthUsers.validate(k)).getMessage());
    }
}
