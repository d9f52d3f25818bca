package io.bacalao.domain.config;

/**
 * One configuration key, its kind, default (as text) and description; secret values are redacted on display.
 * {@code acted} is false for a key Bacalao accepts (it is Bacalhau's) but does not act on: setting one is not an
 * error, it is named in one warning line when a node starts.
 */
public record ConfigKey(String name, Kind kind, String defaultValue, String description, boolean secret, boolean acted) {

    /**
     * How a value is written: lists as comma-separated text, maps as {@code k=v,k2=v2}, structured values (a list
     * of objects such as {@code API.Auth.Users}) as JSON text.
     */
    public enum Kind { STRING, INT, BOOL, DURATION, LIST, MAP, JSON }

    public ConfigKey(String name, Kind kind, String defaultValue, String description, boolean secret) {
        this(name, kind, defaultValue, description, secret, true);
    }

    public String envName(String prefix) {
        return prefix + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
