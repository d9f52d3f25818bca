package io.bacalao.domain.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bacalhau v1.9's configuration keys with their defaults and descriptions, read from the data file
 * {@code bacalhau-keys.tsv} (its header names where in Bacalhau's source each column comes from).
 */
public final class BacalhauKeys {
    static final String RESOURCE = "bacalhau-keys.tsv";

    /** One of Bacalhau's keys; {@code defaultValue} and {@code description} are empty where Bacalhau has none. */
    public record Key(String name, String defaultValue, String description) {
    }

    private static final List<Key> KEYS = load();
    private static final Map<String, Key> BY_NAME = KEYS.stream()
            .collect(Collectors.toUnmodifiableMap(k -> k.name().toLowerCase(Locale.ROOT), Function.identity()));

    private BacalhauKeys() {
    }

    public static List<Key> all() {
        return KEYS;
    }

    /** The key with this name in any case. */
    public static Optional<Key> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    private static List<Key> load() {
        List<Key> keys = new ArrayList<>();
        try (InputStream in = BacalhauKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 3) throw new IllegalStateException(RESOURCE + ": not 3 columns: " + line);
                keys.add(new Key(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(keys);
    }
}
