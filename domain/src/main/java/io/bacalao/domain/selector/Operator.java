package io.bacalao.domain.selector;

import java.util.Optional;

/** Label-selector operators with their JSON spelling (Kubernetes selection.Operator). */
public enum Operator {
    EQUALS("="), DOUBLE_EQUALS("=="), NOT_EQUALS("!="), IN("in"), NOT_IN("notin"), EXISTS("exists"),
    DOES_NOT_EXIST("!"), GREATER_THAN("gt"), LESS_THAN("lt");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Operator> find(String symbol) {
        if (symbol == null) return Optional.empty();
        String s = symbol.trim();
        for (Operator o : values()) {
            if (o.symbol.equalsIgnoreCase(s)) return Optional.of(o);
        }
        return Optional.empty();
    }
}
