package io.bacalao.cli.command.job;

import io.bacalao.cli.CliException;
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

    /** A {@code job_version} parameter: left out for 0 or absent (the server's default, the latest). */
    JobPaths version(Long version) {
        return param("job_version", version == null || checked(version) == 0 ? null : version);
    }

    /** A {@code -v/--version} value; a negative one is refused, as Bacalhau's unsigned flag. */
    static long checked(long version) {
        if (version < 0) {
            throw new CliException("invalid argument \"" + version + "\" for \"-v, --version\" flag: must be 0 or more");
        }
        return version;
    }

    String build() {
        return query.length() == 0 ? base : base + "?" + query;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
