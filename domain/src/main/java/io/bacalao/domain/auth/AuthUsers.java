package io.bacalao.domain.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.domain.config.ConfigException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code API.Auth.Users} (its text form is JSON: the YAML list as the config file holds it) and validates it
 * with Bacalhau's rules and messages ({@code pkg/authz/entry_point_authorizer.go}): one authentication method per
 * user, usernames alphanumeric and at most 100 characters, passwords 10–255, API keys 20–255, at least one
 * capability, and no duplicate alias, username (both case-insensitive) or API key.
 */
public final class AuthUsers {
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 255;
    public static final int MIN_API_KEY = 20;
    public static final int MAX_API_KEY = 255;
    public static final int MAX_USERNAME = 100;
    private static final Pattern ALPHANUMERIC = Pattern.compile("^[a-zA-Z0-9]+$");
    private static final ObjectReader READER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build().readerFor(new TypeReference<List<AuthUser>>() {
            });

    private AuthUsers() {
    }

    /** The users of the config's text value; empty text is no users. Not validated: see {@link #validate}. */
    public static List<AuthUser> parse(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            List<AuthUser> users = READER.readValue(json);
            return users == null ? List.of() : users;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("API.Auth.Users is not a list of users (Alias, Username, Password, APIKey,"
                    + " Capabilities): " + e.getOriginalMessage());
        }
    }

    /** Throws {@link ConfigException} with Bacalhau's message for the first user that breaks a rule. */
    public static void validate(List<AuthUser> users) {
        Map<String, String> aliases = new HashMap<>();
        Map<String, String> usernames = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (AuthUser u : users) {
            validateOne(u);
            String id = u.identifier();
            if (!u.alias().isEmpty()) {
                String seen = aliases.putIfAbsent(u.alias().toLowerCase(Locale.ROOT), u.alias());
                if (seen != null) fail("duplicate alias detected: '" + seen + "' and '" + u.alias()
                        + "' (aliases are case-insensitive)");
            }
            if (!u.username().isEmpty()) {
                String seen = usernames.putIfAbsent(u.username().toLowerCase(Locale.ROOT), u.username());
                if (seen != null) fail("duplicate username detected: '" + seen + "' and '" + u.username()
                        + "' (usernames are case-insensitive)");
            }
            if (!u.apiKey().isEmpty() && !keys.add(u.apiKey())) fail("duplicate API key detected for user '" + id + "'");
        }
    }

    private static void validateOne(AuthUser u) {
        String id = u.identifier();
        boolean basic = !u.username().isEmpty() && !u.password().isEmpty();
        boolean key = !u.apiKey().isEmpty();
        if (basic && key) {
            fail("user '" + id + "' has both username/password and API key, must have only one authentication method");
        }
        if (!basic && !key) {
            fail("user '" + id + "' has neither username/password nor API key, must have one authentication method");
        }
        if (!u.username().isEmpty()) {
            String trimmed = u.username().strip();
            if (trimmed.length() > MAX_USERNAME) {
                fail("username for user '" + id + "' exceeds maximum length of " + MAX_USERNAME + " characters");
            }
            if (trimmed.isEmpty()) fail("username for user '" + id + "' should not be empty");
            if (!ALPHANUMERIC.matcher(u.username()).matches()) {
                fail("username for user '" + id + "' must contain only alphanumeric characters (a-z, A-Z, 0-9)");
            }
        }
        if (!u.password().isEmpty()) {
            if (u.password().length() < MIN_PASSWORD) {
                fail("password for user '" + id + "' is too short, minimum length is " + MIN_PASSWORD + " characters");
            }
            if (u.password().length() > MAX_PASSWORD) {
                fail("password for user '" + id + "' exceeds maximum length of " + MAX_PASSWORD + " characters");
            }
        }
        if (key) {
            if (u.apiKey().length() < MIN_API_KEY) {
                fail("API key for user '" + id + "' is too short, minimum length is " + MIN_API_KEY + " characters");
            }
            if (u.apiKey().length() > MAX_API_KEY) {
                fail("API key for user '" + id + "' exceeds maximum length of " + MAX_API_KEY + " characters");
            }
        }
        if (u.capabilities().isEmpty()) {
            fail("user '" + id + "' has no capabilities defined, must have at least one capability");
        }
    }

    private static void fail(String message) {
        throw new ConfigException(message);
    }
}
