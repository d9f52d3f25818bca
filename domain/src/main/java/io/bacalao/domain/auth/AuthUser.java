package io.bacalao.domain.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code API.Auth.Users} (Bacalhau's {@code types.AuthUser}, {@code pkg/config/types/auth.go}): either a
 * username with a password (plain or a bcrypt hash) or an API key, and the actions it may perform.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AuthUser(
        @JsonProperty("Alias") String alias,
        @JsonProperty("Username") String username,
        @JsonProperty("Password") String password,
        @JsonProperty("APIKey") String apiKey,
        @JsonProperty("Capabilities") List<Capability> capabilities) {

    public AuthUser {
        alias = alias == null ? "" : alias;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        apiKey = apiKey == null ? "" : apiKey;
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /** A set of actions such as {@code read:job}, {@code write:*} or {@code *}. */
    public record Capability(@JsonProperty("Actions") List<String> actions) {
        public Capability {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** Every action of every capability. */
    public List<String> actions() {
        List<String> all = new ArrayList<>();
        for (Capability c : capabilities) all.addAll(c.actions());
        return all;
    }

    /**
     * How messages name this user, as Bacalhau's {@code getUserIdentifier}: the alias, else the username, else the
     * last 5 characters of the API key (never the whole key).
     */
    public String identifier() {
        if (!alias.isEmpty()) return alias;
        if (!username.isEmpty()) return username;
        if (!apiKey.isEmpty()) {
            return apiKey.length() > 5 ? "API key ending in ..." + apiKey.substring(apiKey.length() - 5) : "API key " + apiKey;
        }
        return "unknown user";
    }
}
