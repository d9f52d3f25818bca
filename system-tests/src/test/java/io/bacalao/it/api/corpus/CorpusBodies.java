package io.bacalao.it.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalao.domain.spec.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bodies made by a case's {@code generate} instead of written out:
 * {@code {"kind":"bytes","size":N}} a JSON job body padded to exactly N bytes (in Meta),
 * {@code {"kind":"nesting","depth":N}} a job whose Meta holds N nested arrays,
 * {@code {"kind":"jobField","field":"Name","length":N}} a valid noop job whose top-level string field is N characters.
 */
final class CorpusBodies {
    static final String NOOP_TASKS = "\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]";

    private CorpusBodies() {
    }

    static byte[] generate(JsonNode g) {
        String kind = g.path("kind").asText();
        return switch (kind) {
            case "bytes" -> padded(g.path("size").asInt());
            case "nesting" -> nested(g.path("depth").asInt());
            case "jobField" -> withField(g.path("field").asText(), g.path("length").asInt());
            default -> throw new IllegalArgumentException("unknown generator kind: " + kind);
        };
    }

    static byte[] padded(int size) {
        byte[] head = ("{\"Job\":{" + NOOP_TASKS + ",\"Meta\":{\"pad\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}}".getBytes(StandardCharsets.UTF_8);
        if (size < head.length + tail.length) throw new IllegalArgumentException("bytes: size below " + (head.length + tail.length));
        byte[] body = new byte[size];
        System.arraycopy(head, 0, body, 0, head.length);
        Arrays.fill(body, head.length, size - tail.length, (byte) 'x');
        System.arraycopy(tail, 0, body, size - tail.length, tail.length);
        return body;
    }

    static byte[] nested(int depth) {
        String s = "{\"Job\":{" + NOOP_TASKS + ",\"Meta\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withField(String field, int length) {
        ObjectNode job = (ObjectNode) Json.read("{" + NOOP_TASKS + "}", JsonNode.class);
        job.put(field, "a".repeat(length));
        return Json.write(Json.mapper().createObjectNode().set("Job", job)).getBytes(StandardCharsets.UTF_8);
    }
}
