package io.bacalao.domain.selector;

import io.bacalao.domain.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * A validated label requirement. Keys starting with {@code favour_} are preferences: they never exclude a node,
 * they rank the nodes that match them higher (the label compared is the key without the prefix).
 */
public record Requirement(String key, Operator operator, List<String> values, String labelKey) {
    public static final String FAVOUR_PREFIX = "favour_";

    /** {@code labelKey} is derived from {@code key}: the label this requirement looks at (see {@link #labelKey()}). */
    public Requirement {
        values = List.copyOf(values);
        labelKey = key.startsWith(FAVOUR_PREFIX) ? key.substring(FAVOUR_PREFIX.length()) : key;
    }

    public Requirement(String key, Operator operator, List<String> values) {
        this(key, operator, values, null);
    }

    /** Validates a JSON constraint; the message names the rule that failed. */
    public static Requirement of(LabelSelectorRequirement r) {
        if (r.key().isBlank()) throw new IllegalArgumentException("key must not be blank");
        Operator op = Operator.find(r.operator())
                .orElseThrow(() -> new IllegalArgumentException("operator '" + r.operator() + "' is not recognized"));
        List<String> values = r.values();
        switch (op) {
            case IN, NOT_IN -> {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("for 'in', 'notin' operators, values set can't be empty");
                }
            }
            case EXISTS, DOES_NOT_EXIST -> {
                if (!values.isEmpty()) {
                    throw new IllegalArgumentException("values set must be empty for exists and does not exist");
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    throw new IllegalArgumentException("for 'Gt', 'Lt' operators, exactly one value is required");
                }
                try {
                    Long.parseLong(values.get(0));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("for 'Gt', 'Lt' operators, the value must be an integer");
                }
            }
            default -> {
                if (values.size() != 1) {
                    throw new IllegalArgumentException("exact-match compatibility requires one single value");
                }
            }
        }
        return new Requirement(r.key(), op, values);
    }

    public LabelSelectorRequirement toJson() {
        return new LabelSelectorRequirement(key, operator.symbol(), values);
    }

    public boolean isPreference() {
        return key.startsWith(FAVOUR_PREFIX);
    }

    /** The label this requirement looks at (a preference looks at the key without {@code favour_}). */
    @Override
    public String labelKey() {
        return labelKey;
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(labelKey());
        boolean present = value != null;
        return switch (operator) {
            case EQUALS, DOUBLE_EQUALS, IN -> present && values.contains(value);
            case NOT_EQUALS, NOT_IN -> !present || !values.contains(value);
            case EXISTS -> present;
            case DOES_NOT_EXIST -> !present;
            case GREATER_THAN -> present && compare(value) > 0;
            case LESS_THAN -> present && compare(value) < 0;
        };
    }

    private int compare(String labelValue) {
        try {
            return Long.compare(Long.parseLong(labelValue.trim()), Long.parseLong(values.get(0)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Kubernetes text form, e.g. {@code region in (eu,us)}. */
    @Override
    public String toString() {
        return switch (operator) {
            case EXISTS -> key;
            case DOES_NOT_EXIST -> "!" + key;
            case IN, NOT_IN -> key + " " + operator.symbol() + " (" + String.join(",", values) + ")";
            case GREATER_THAN -> key + ">" + values.get(0);
            case LESS_THAN -> key + "<" + values.get(0);
            default -> key + operator.symbol() + values.get(0);
        };
    }
}
