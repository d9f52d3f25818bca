package io.bacalao.it.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One case of the shared bad-input corpus ({@code src/test/resources/bad-inputs/<area>.json}, a JSON array):
 * <pre>
 * {"name": "unique human-readable name",
 *  "job": {…}                                   shorthand: PUT /api/v1/orchestrator/jobs with {"Job": job}
 *  or "request": {"method": "PUT", "path": "/api/v1/…", "headers": {"Content-Type": "text/plain"},
 *                 "body": "raw text" | "json": {…} | "generate": {"kind": "bytes|nesting|jobField", …},
 *                 "chunked": true}
 *  "expect": {"status": 400, "message": "substring of the error body's Message", "code": "optional Code"}}
 * </pre>
 * A case whose job is accepted but must fail on a compute node expects {@code "status": 200, "jobState": "Failed"}
 * and a {@code message} found in the job's State.Message or in one execution's ComputeState.Message.
 *
 * @param source the file the case came from (for the test's name)
 */
public record CorpusCase(String source, String name, JsonNode job, JsonNode request, Expect expect) {

    /** What the answer must be; null fields are not checked. */
    public record Expect(int status, String message, String code, String jobState) {
    }

    static CorpusCase of(String source, JsonNode n) {
        String name = text(n, "name");
        if (name == null || name.isBlank()) throw new IllegalArgumentException(source + ": a case without a name: " + n);
        JsonNode e = n.get("expect");
        if (e == null || !e.has("status")) throw new IllegalArgumentException(source + ": case '" + name + "' has no expect.status");
        boolean job = n.has("job");
        if (job == n.has("request")) {
            throw new IllegalArgumentException(source + ": case '" + name + "' needs exactly one of job or request");
        }
        return new CorpusCase(source, name, n.get("job"), n.get("request"),
                new Expect(e.get("status").asInt(), text(e, "message"), text(e, "code"), text(e, "jobState")));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public String toString() {
        return source + ": " + name;
    }
}
