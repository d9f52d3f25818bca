package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A task's network mode; JSON is the name, parsed case-insensitively (Full is a deprecated alias of Host). */
public enum NetworkType {
    Default, None, Host, Full, HTTP, Bridge;

    @JsonValue
    public String json() {
        return name();
    }

    @JsonCreator
    public static NetworkType parse(String value) {
        if (value == null || value.isBlank()) return Default;
        for (NetworkType t : values()) {
            if (t.name().equalsIgnoreCase(value.trim())) return t;
        }
        throw new IllegalArgumentException("invalid networking type: " + value);
    }
}
