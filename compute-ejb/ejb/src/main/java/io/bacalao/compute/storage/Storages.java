package io.bacalao.compute.storage;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.domain.model.InputSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The input storages this node offers, by source type (case-insensitive), minus the types listed in
 * {@code InputSources.Disabled}. Built by CDI from every {@link InputStorage} bean, or directly in tests.
 */
@ApplicationScoped
public class Storages {
    public static final String DISABLED = "InputSources.Disabled";

    @Inject
    @Any
    Instance<InputStorage> discovered;
    @Inject
    ComputeSettings settings;
    private final Map<String, InputStorage> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** For CDI: {@link #init()} fills the registry after injection. */
    public Storages() {
    }

    public Storages(Collection<? extends InputStorage> storages, Collection<String> disabled) {
        register(storages, disabled);
    }

    @PostConstruct
    void init() {
        register(discovered.stream().toList(), settings.config().getList(DISABLED));
    }

    /** Two storages claiming one type is a build error, not a configuration choice. */
    private void register(Collection<? extends InputStorage> storages, Collection<String> disabled) {
        Set<String> off = disabled.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (InputStorage s : storages) {
            if (off.contains(s.type().toLowerCase(Locale.ROOT)) || !s.installed()) continue;
            InputStorage before = byType.putIfAbsent(s.type(), s);
            if (before != null) {
                throw new IllegalStateException("two input storages for type \"" + s.type() + "\": "
                        + before.getClass().getName() + " and " + s.getClass().getName());
            }
        }
    }

    public Optional<InputStorage> forType(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type.trim()));
    }

    /** The enabled types as the storages spell them (e.g. {@code urlDownload}), sorted; for node info. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** Why this node would not take this input (no storage for its type, or the storage's own refusal). */
    public Optional<String> refusal(InputSource input) {
        Optional<InputStorage> storage = forType(input.source().type());
        if (storage.isEmpty()) {
            return Optional.of("this node does not support input type \"" + input.source().type() + "\"");
        }
        return storage.get().refusal(input);
    }
}
