package io.bacalao.domain.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts configuration values between their text form, YAML values and typed values. */
final class ConfigValues {
    private ConfigValues() {
    }

    /** Checks a text value against the key's kind (and a whole number against its range) and returns it normalised. */
    static String check(ConfigKey k, String value) {
        String v = value == null ? "" : value.trim();
        try {
            switch (k.kind()) {
                case INT -> {
                    if (!k.range().contains(Integer.parseInt(v))) {
                        throw new ConfigException("invalid value for " + k.name() + ": '" + value
                                + "' is outside its range (" + k.range().describe() + ")");
                    }
                }
                case BOOL -> {
                    String lower = v.toLowerCase(Locale.ROOT);
                    if (!lower.equals("true") && !lower.equals("false")) throw new IllegalArgumentException();
                    return lower;
                }
                case DURATION -> Durations.parse(v);
                case JSON -> {
                    if (!v.isEmpty()) io.bacalao.domain.spec.Json.mapper().readTree(v);
                }
                default -> {
                }
            }
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("invalid value for " + k.name() + ": '" + value + "' is not "
                    + switch (k.kind()) {
                        case INT -> "a whole number";
                        case BOOL -> "true or false";
                        case DURATION -> "a duration such as 30s, 1m or 1h30m";
                        case JSON -> "JSON (a YAML list or object in a config file)";
                        default -> "valid";
                    });
        }
        return v;
    }

    /** Text form of a value read from YAML: lists joined with commas, maps as k=v pairs. */
    static String fromYaml(ConfigKey k, Object value) {
        if (value == null) return "";
        if (k.kind() == ConfigKey.Kind.JSON) return io.bacalao.domain.spec.Json.write(value);
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add(String.valueOf(o));
            return String.join(",", parts);
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((a, b) -> parts.add(a + "=" + b));
            return String.join(",", parts);
        }
        return check(k, String.valueOf(value));
    }

    static Object typed(ConfigKey k, String text) {
        String v = text == null ? "" : text;
        return switch (k.kind()) {
            case INT -> v.isBlank() ? 0 : Integer.parseInt(v.trim());
            case BOOL -> Boolean.parseBoolean(v.trim());
            case JSON -> {
                if (v.isBlank()) yield List.of();
                try {
                    yield io.bacalao.domain.spec.Json.mapper().readValue(v, Object.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    yield v;
                }
            }
            case LIST -> v.isBlank() ? List.of() : List.of(v.split("\\s*,\\s*"));
            case MAP -> {
                Map<String, String> m = new LinkedHashMap<>();
                if (!v.isBlank()) {
                    for (String e : v.split(",")) {
                        int eq = e.indexOf('=');
                        if (eq > 0) m.put(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
                    }
                }
                yield m;
            }
            default -> v;
        };
    }

    /** The section that holds a key's leaf, created (with the sections above it) when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> root, String[] path) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(path[i], x -> new LinkedHashMap<String, Object>());
        }
        return node;
    }

    /** Go's zero value of a typed value (what {@code omitempty} leaves out): "", false, 0, an empty list or map. */
    static boolean isZero(Object value) {
        return value == null || "".equals(value) || Boolean.FALSE.equals(value)
                || (value instanceof Number n && n.doubleValue() == 0)
                || (value instanceof java.util.Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
    }
}
