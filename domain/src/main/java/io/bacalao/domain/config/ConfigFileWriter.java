package io.bacalao.domain.config;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sets one key in a YAML config file as {@code bacalhau config set} does: the value typed by the key's kind (a
 * list as a sequence, a map as a mapping, numbers and booleans unquoted), every other entry kept. Maps the path
 * runs through are found in any case; maps it creates are named in lower case, as Bacalhau writes them
 * ({@code nameprovider: x}).
 */
public final class ConfigFileWriter {
    private ConfigFileWriter() {
    }

    /**
     * Writes {@code values} (one, or several for a list key) under {@code name} into {@code file}, creating the file
     * and its directory when missing; returns the key as registered.
     *
     * @throws ConfigException for an unknown key (with a did-you-mean hint) or a value the key's kind refuses
     */
    public static ConfigKey set(Path file, String name, List<String> values) {
        ConfigKey key = ConfigKeys.find(name).filter(k -> k.name().equalsIgnoreCase(name.trim()))
                .orElseThrow(() -> new ConfigException(ConfigKeys.unknownKeyMessage(name)));
        Object value = typed(key, values);
        Map<String, Object> root = read(file);
        Map<String, Object> node = root;
        String[] path = key.name().split("\\.");
        for (int i = 0; i < path.length - 1; i++) node = child(node, path[i]);
        node.put(existingName(node, path[path.length - 1]), value);
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.writeYaml(root));
        } catch (IOException e) {
            throw new ConfigException("cannot write config file " + file + ": " + e.getMessage(), e);
        }
        return key;
    }

    private static Object typed(ConfigKey key, List<String> values) {
        String text = String.join(",", values);
        if (key.name().equals(ConfigKeys.DATA_DIR)) {
            String dir = text.trim();
            if (dir.startsWith("~")) dir = ConfigLoader.home(System.getenv()) + dir.substring(1);
            return Path.of(dir).toAbsolutePath().normalize().toString();
        }
        if (key.kind() == ConfigKey.Kind.DURATION || key.kind() == ConfigKey.Kind.STRING) {
            return ConfigValues.check(key, text);
        }
        if (key.kind() == ConfigKey.Kind.MAP) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String entry : text.split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) throw new ConfigException("invalid value for " + key.name() + ": '" + entry
                        + "' is not key=value (write a map as k=v,k2=v2)");
                map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
            return map;
        }
        return ConfigValues.typed(key, ConfigValues.check(key, text));
    }

    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) return new LinkedHashMap<>();
        try {
            String text = Files.readString(file);
            if (text.isBlank()) return new LinkedHashMap<>();
            Map<String, Object> tree = Json.yamlMapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            return tree == null ? new LinkedHashMap<>() : tree;
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> node, String segment) {
        String name = existingName(node, segment);
        if (node.get(name) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        Map<String, Object> created = new LinkedHashMap<>();
        node.put(name, created);
        return created;
    }

    /** The entry of {@code node} named {@code segment} in any case, else the segment in lower case. */
    private static String existingName(Map<String, Object> node, String segment) {
        for (String k : new ArrayList<>(node.keySet())) if (k.equalsIgnoreCase(segment)) return k;
        return segment.toLowerCase(Locale.ROOT);
    }
}
