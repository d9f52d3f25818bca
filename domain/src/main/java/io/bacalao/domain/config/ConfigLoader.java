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
 * environment ({@code BACALAO_<KEY_WITH_UNDERSCORES>}, or Bacalhau's {@code BACALHAU_…} when ours is not set) &lt;
 * flags &lt; {@code -c Key=Value}. Each value remembers its source ({@link Config#source}).
 */
public final class ConfigLoader {
    public static final String ENV_PREFIX = "BACALAO_";
    /** Bacalhau's prefix: its variables are aliases of ours, and ours win when both are set. */
    public static final String BACALHAU_ENV_PREFIX = "BACALHAU_";
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
                config = config.with(key.name(), ConfigValues.fromYaml(key, e.getValue()), "config file " + file);
            } else if (e.getValue() instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) child;
                flatten(name, m, file);
            } else {
                throw new ConfigException(ConfigKeys.unknownKeyMessage(name) + " (in " + file + ")");
            }
        }
    }

    /**
     * Applies every {@code BACALAO_*} variable that names a key, else its {@code BACALHAU_*} alias (an empty
     * {@code BACALHAU_*} counts as unset, as in Bacalhau). DataDir comes from {@code BACALAO_DATADIR},
     * {@code BACALAO_DIR}, {@code BACALHAU_DATADIR} or {@code BACALHAU_DIR}, the first that is set.
     */
    public ConfigLoader environment(Map<String, String> env) {
        for (ConfigKey k : ConfigKeys.all()) {
            String ours = k.envName(ENV_PREFIX);
            String theirs = k.envName(BACALHAU_ENV_PREFIX);
            if (env.get(ours) != null) {
                config = config.with(k.name(), env.get(ours), "env " + ours);
            } else if (env.get(theirs) != null && !env.get(theirs).isEmpty()) {
                config = config.with(k.name(), env.get(theirs), "env " + theirs);
            }
        }
        for (String name : List.of(ENV_PREFIX + "DATADIR", ENV_PREFIX + "DIR", BACALHAU_ENV_PREFIX + "DATADIR",
                BACALHAU_ENV_PREFIX + "DIR")) {
            String dir = env.get(name);
            if (dir != null && !dir.isEmpty()) {
                config = config.with(ConfigKeys.DATA_DIR, dir, "env " + name);
                return this;
            }
        }
        return this;
    }

    /** Sets a key from a command-line flag. */
    public ConfigLoader set(String key, String value) {
        config = config.with(key, value, "flag");
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
        pairs.forEach((k, v) -> config = config.with(k, v, "-c"));
        return this;
    }

    /** The resolved config with DataDir made absolute ({@code ~} expanded to {@link #home}). */
    public Config resolve() {
        String dir = config.get(ConfigKeys.DATA_DIR);
        if (dir.startsWith("~")) dir = home(System.getenv()) + dir.substring(1);
        if (dir.contains("$")) throw new ConfigException("DataDir must not contain '$': " + dir);
        Path p = Path.of(dir);
        if (!p.isAbsolute()) throw new ConfigException("DataDir must be an absolute path: " + dir);
        return config.with(ConfigKeys.DATA_DIR, p.normalize().toString(), null);
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
