package io.bacalao.compute.publisher;

import io.bacalao.compute.config.ComputeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The publishers this node offers, by type, minus those in {@code Publishers.Disabled}. */
@ApplicationScoped
public class Publishers {
    @Inject
    @Any
    Instance<ResultPublisher> all;
    @Inject
    ComputeSettings settings;
    private final Map<String, ResultPublisher> byType = new TreeMap<>();

    @PostConstruct
    void init() {
        List<String> disabled = settings.config().getList("Publishers.Disabled").stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (ResultPublisher p : all) {
            if (!disabled.contains(p.type().toLowerCase(Locale.ROOT)) && p.installed()) byType.put(p.type().toLowerCase(Locale.ROOT), p);
        }
    }

    public Optional<ResultPublisher> forType(String type) {
        return Optional.ofNullable(byType.get(type == null ? "" : type.toLowerCase(Locale.ROOT)));
    }

    public List<String> types() {
        return byType.values().stream().map(ResultPublisher::type).toList();
    }
}
