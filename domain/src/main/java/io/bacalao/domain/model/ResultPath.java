package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An output folder: published under Name, mounted at Path (absolute) inside the task. */
public record ResultPath(@JsonProperty("Name") String name, @JsonProperty("Path") String path) {
    public ResultPath {
        name = name == null ? "" : name;
        path = path == null ? "" : path;
    }
}
