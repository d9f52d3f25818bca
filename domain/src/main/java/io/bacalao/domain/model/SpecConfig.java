package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed, parameterised plug-in reference: an engine, a publisher, an input source or a published result.
 * Types compare case-insensitively; Params keep their JSON shape (strings, lists, booleans, maps).
 */
public record SpecConfig(
        @JsonProperty("Type") String type,
        @JsonProperty("Params") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> params) {

    public SpecConfig {
        type = type == null ? "" : type.trim();
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static SpecConfig of(String type) {
        return new SpecConfig(type, null);
    }

    public static SpecConfig of(String type, Map<String, Object> params) {
        return new SpecConfig(type, params);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return type.isBlank();
    }

    public boolean is(String otherType) {
        return type.equalsIgnoreCase(otherType);
    }

    /** A string parameter, looked up case-insensitively as Go's decoder would. */
    public String param(String key) {
        Object v = rawParam(key);
        return v == null ? null : v.toString();
    }

    public Object rawParam(String key) {
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }

    /** A list-of-strings parameter; a single string counts as a one-element list. */
    public List<String> listParam(String key) {
        Object v = rawParam(key);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(v.toString());
    }
}
