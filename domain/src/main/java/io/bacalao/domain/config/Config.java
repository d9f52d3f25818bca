package io.bacalao.domain.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resolved configuration: every key of {@link ConfigKeys} with its effective value as text (lists
 * comma-separated, maps as {@code k=v,k2=v2}). This text form is also how nodes receive it (system properties).
 */
public final class Config {
    public static final String REDACTED = "********";
    /** Where a value that is not the default came from ({@code config file PATH}, {@code env NAME}, {@code flag}). */
    public static final String DEFAULT_SOURCE = "default";
    private final Map<String, String> values;
    private final Map<String, String> sources;

    Config(Map<String, String> values) {
        this(values, Map.of());
    }

    private Config(Map<String, String> values, Map<String, String> sources) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public static Config defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConfigKey k : ConfigKeys.all()) m.put(k.name(), k.defaultValue());
        return new Config(m);
    }

    /** Reads values from any source of canonical key → text (system properties, MP Config), defaults for the rest. */
    public static Config from(java.util.function.Function<String, String> source) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConfigKey k : ConfigKeys.all()) {
            String v = source.apply(k.name());
            m.put(k.name(), v == null ? k.defaultValue() : v);
        }
        return new Config(m);
    }

    public Config with(String key, String value) {
        return with(key, value, null);
    }

    /** This config with one value set, remembering {@code source} (null keeps the key's current source). */
    public Config with(String key, String value, String source) {
        ConfigKey k = ConfigKeys.find(key).orElseThrow(() -> new ConfigException(ConfigKeys.unknownKeyMessage(key)));
        Map<String, String> s = new LinkedHashMap<>(sources);
        if (source != null) s.put(k.name(), source);
        Map<String, String> m = new LinkedHashMap<>(values);
        if (k.kind() == ConfigKey.Kind.MAP && key.length() > k.name().length()) {
            String entry = key.substring(k.name().length() + 1) + "=" + (value == null ? "" : value.trim());
            String current = m.getOrDefault(k.name(), "");
            m.put(k.name(), current.isBlank() ? entry : current + "," + entry);
        } else {
            m.put(k.name(), ConfigValues.check(k, value));
        }
        return new Config(m, s);
    }

    /**
     * The key's effective value typed as in a config file (numbers, booleans, lists, maps; durations in Go's form
     * such as {@code 24h0m0s}, as Bacalhau shows them), a set secret as {@link #REDACTED}.
     */
    public Object displayValue(String key) {
        ConfigKey k = ConfigKeys.find(key).orElseThrow(() -> new ConfigException(ConfigKeys.unknownKeyMessage(key)));
        String text = get(k.name());
        if (k.secret() && !text.isEmpty()) return REDACTED;
        if (k.kind() == ConfigKey.Kind.DURATION && !text.isBlank()) return Durations.format(Durations.parse(text));
        return ConfigValues.typed(k, Redaction.inText(text));
    }

    /** Where this key's value came from: {@link #DEFAULT_SOURCE} unless a file, the environment or a flag set it. */
    public String source(String key) {
        ConfigKey k = ConfigKeys.find(key).orElseThrow(() -> new ConfigException(ConfigKeys.unknownKeyMessage(key)));
        return sources.getOrDefault(k.name(), DEFAULT_SOURCE);
    }

    /** The keys set (not left at their default) that Bacalao accepts but does not act on, in registry order. */
    public List<String> setButNotActedOn() {
        return ConfigKeys.all().stream().filter(k -> !k.acted() && sources.containsKey(k.name())).map(ConfigKey::name).toList();
    }

    public String get(String key) {
        ConfigKey k = ConfigKeys.find(key).orElseThrow(() -> new ConfigException(ConfigKeys.unknownKeyMessage(key)));
        String v = values.get(k.name());
        return v == null ? "" : v;
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key).trim());
    }

    public boolean getBool(String key) {
        return Boolean.parseBoolean(get(key).trim());
    }

    public Duration getDuration(String key) {
        return Durations.parse(get(key));
    }

    public List<String> getList(String key) {
        String v = get(key).trim();
        if (v.isEmpty()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Map<String, String> getMap(String key) {
        Map<String, String> m = new TreeMap<>();
        for (String entry : getList(key)) {
            int eq = entry.indexOf('=');
            if (eq > 0) m.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return m;
    }

    /** Every key with its text value, in registry order. */
    public Map<String, String> asMap() {
        return values;
    }

    /**
     * The effective config as nested objects (as {@code GET /api/v1/agent/config} shows it); with {@code redact},
     * secret keys are hidden whole and passwords inside URLs are hidden ({@link Redaction}).
     */
    public Map<String, Object> asTree(boolean redact) {
        return tree(redact, false);
    }

    /**
     * The redacted tree as {@code GET /api/v1/agent/config} serves it, the way Bacalhau's does: a key whose value
     * is empty, false, 0 or an empty list or map is left out (its config types are all {@code omitempty}), while
     * its section stays, even empty ({@code "Compute": {}} on a node that is not a compute node).
     */
    public Map<String, Object> asAgentConfig() {
        return tree(true, true);
    }

    private Map<String, Object> tree(boolean redact, boolean omitZeroValues) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (ConfigKey k : ConfigKeys.all()) {
            String text = values.get(k.name());
            Object value = ConfigValues.typed(k, redact ? Redaction.inText(text) : text);
            if (redact && k.secret() && !text.isEmpty()) value = REDACTED;
            String[] path = k.name().split("\\.");
            Map<String, Object> section = ConfigValues.section(root, path);
            if (!omitZeroValues || !ConfigValues.isZero(value)) section.put(path[path.length - 1], value);
        }
        return root;
    }
}
