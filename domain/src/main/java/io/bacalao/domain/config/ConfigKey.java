package io.bacalao.domain.config;

/** One configuration key, its kind, default (as text) and description; secret values are redacted on display. */
public record ConfigKey(String name, Kind kind, String defaultValue, String description, boolean secret) {

    /**
     * How a value is written: lists as comma-separated text, maps as {@code k=v,k2=v2}, structured values (a list
     * of objects such as {@code API.Auth.Users}) as JSON text.
     */
    public enum Kind { STRING, INT, BOOL, DURATION, LIST, MAP, JSON }

    public String envName(String prefix) {
        return prefix + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }
}
