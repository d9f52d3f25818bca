package io.bacalao.domain.selector;

import io.bacalao.domain.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A conjunction of label requirements, parsed from Kubernetes selector text
 * ({@code env=prod,region!=eu,gpu,!legacy,tier in (a,b),cores>4}) or built from JSON constraints.
 */
public record Selector(List<Requirement> requirements) {
    public static final Selector EVERYTHING = new Selector(List.of());

    public Selector {
        requirements = List.copyOf(requirements);
    }

    public static Selector parse(String text) {
        return new Selector(new SelectorParser(text == null ? "" : text).parse());
    }

    /** Several texts (repeated query parameters or flags) joined with commas. */
    public static Selector parseAll(List<String> texts) {
        List<Requirement> all = new ArrayList<>();
        for (String t : texts) all.addAll(parse(t).requirements());
        return new Selector(all);
    }

    public static Selector of(List<LabelSelectorRequirement> constraints) {
        return new Selector(constraints.stream().map(Requirement::of).toList());
    }

    /** True when every hard requirement matches; preferences ({@code favour_}) are ignored here. */
    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.isPreference() && !r.matches(labels)) return false;
        }
        return true;
    }

    public List<LabelSelectorRequirement> toJson() {
        return requirements.stream().map(Requirement::toJson).toList();
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }
}
