package io.bacalao.domain.config;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves configuration with Bacalhau's precedence: defaults &lt; config files (later wins) &lt;
 * environment ({@code BACALAO_<KEY_WITH_UNDERSCORES>}) &lt; flags &lt; {@code -c Key=Value}.
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "BACALAO_";
    private Config config = Config.defaults();

    public static ConfigLoader withDefaults() {
        return new ConfigLoader();
    }

    public ConfigLoader file(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigException("config file not found: " + file);
        Map<String, Object> tree;
        try {
            String text = Files.readString(file);
            if (text.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) return this;
            tree = Json.yamlMapper().readValue(text, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (tree != null) flatten("", tree, file);
        return this;
    }

    private void flatten(String prefix, Map<String, Object> tree, Path file) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            ConfigKey key = ConfigKeys.find(name).filter(k -> k.name().equalsIgnoreCase(name)).orElse(null);
            if (key != null) {
                config = config.with(key.name(), ConfigValues.fromYaml(key, e.getValue()));
            } else if (e.getValue() instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) child;
                flatten(name, m, file);
            } else {
                throw new ConfigException("unknown configuration key '" + name + "' in " + file);
            }
        }
    }

    /** Applies every {@code BACALAO_*} variable that names a key; {@code BACALAO_DIR} sets DataDir. */
    public ConfigLoader environment(Map<String, String> env) {
        for (ConfigKey k : ConfigKeys.all()) {
            String v = env.get(k.envName(ENV_PREFIX));
            if (v != null) config = config.with(k.name(), v);
        }
        String dir = env.get(ENV_PREFIX + "DIR");
        if (dir != null && env.get(ConfigKeys.find(ConfigKeys.DATA_DIR).get().envName(ENV_PREFIX)) == null) {
            config = config.with(ConfigKeys.DATA_DIR, dir);
        }
        return this;
    }

    public ConfigLoader set(String key, String value) {
        config = config.with(key, value);
        return this;
    }

    /** {@code -c} values: {@code Key=Value}, a bare {@code Key} (= true), or a YAML file. */
    public ConfigLoader overrides(List<String> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq > 0) {
                pairs.put(v.substring(0, eq).trim(), v.substring(eq + 1));
            } else if (v.endsWith(".yaml") || v.endsWith(".yml") || Files.isRegularFile(Path.of(v))) {
                file(Path.of(v));
            } else {
                pairs.put(v.trim(), "true");
            }
        }
        pairs.forEach(this::set);
        return this;
    }

    /** The resolved config with DataDir made absolute ({@code ~} expanded to {@link #home}). */
    public Config resolve() {
        String dir = config.get(ConfigKeys.DATA_DIR);
        if (dir.startsWith("~")) dir = home(System.getenv()) + dir.substring(1);
        if (dir.contains("$")) throw new ConfigException("DataDir must not contain '$': " + dir);
        Path p = Path.of(dir);
        if (!p.isAbsolute()) throw new ConfigException("DataDir must be an absolute path: " + dir);
        return config.with(ConfigKeys.DATA_DIR, p.normalize().toString());
    }

    /**
     * The user's home directory as Bacalhau finds it: {@code $HOME} when set (the JVM's {@code user.home} comes
     * from the password database and ignores a changed HOME), otherwise {@code user.home}.
     */
    static String home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? home : System.getProperty("user.home");
    }
}
