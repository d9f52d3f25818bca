package io.bacalao.cli.command.job;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds API paths with encoded query parameters; empty values are left out. */
final class JobPaths {
    static final String JOBS = "/api/v1/orchestrator/jobs";

    private final String base;
    private final StringJoiner query = new StringJoiner("&");

    private JobPaths(String base) {
        this.base = base;
    }

    static JobPaths jobs() {
        return new JobPaths(JOBS);
    }

    static JobPaths job(String id, String sub) {
        return new JobPaths(JOBS + "/" + enc(id) + (sub.isEmpty() ? "" : "/" + sub));
    }

    JobPaths param(String key, Object value) {
        if (value != null && !value.toString().isEmpty()) query.add(key + "=" + enc(value.toString()));
        return this;
    }

    String build() {
        return query.length() == 0 ? base : base + "?" + query;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
