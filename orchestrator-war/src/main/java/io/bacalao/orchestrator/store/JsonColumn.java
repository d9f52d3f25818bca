package io.bacalao.orchestrator.store;

/**
 * The type of every column that holds a row's JSON: {@code VARCHAR(MAX_CHARS)}, read and written with the row as
 * a plain string. These columns used to be mapped {@code @Lob}, which made EclipseLink convert each value through
 * {@code java.sql.Clob} handling; the tables themselves held the same thing (H2's {@code LONGVARCHAR}, a
 * {@code CHARACTER VARYING} of up to 10⁹ characters; PostgreSQL's {@code TEXT}), so stores of an earlier version
 * keep their columns as they are.
 */
final class JsonColumn {
    /**
     * Longest JSON a row holds, in characters: PostgreSQL's largest {@code VARCHAR(n)} (10 Mi), as large as the
     * REST API's largest request body (10 MiB, {@code API.Limits.MaxBodyBytes}); a job's whole JSON is refused at
     * submission beyond 1 MiB (docs/job-spec-limits.md).
     */
    static final int MAX_CHARS = 10_485_760;

    private JsonColumn() {
    }
}
