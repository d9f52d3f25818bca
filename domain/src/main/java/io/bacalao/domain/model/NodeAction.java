package io.bacalao.domain.model;

import java.util.Locale;
import java.util.Optional;

/** What an operator can do to a node through {@code PUT /api/v1/orchestrator/nodes/{id}} (JSON: lower case). */
public enum NodeAction {
    APPROVE, REJECT, DELETE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named by {@code text} (any case), or empty for anything else. */
    public static Optional<NodeAction> parse(String text) {
        if (text == null) return Optional.empty();
        for (NodeAction a : values()) {
            if (a.json().equalsIgnoreCase(text.trim())) return Optional.of(a);
        }
        return Optional.empty();
    }
}
