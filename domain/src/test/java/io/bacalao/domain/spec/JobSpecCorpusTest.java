package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the expectations of the shared bad-input corpus {@code job-specs.json} (run over HTTP by system-tests)
 * against the decode and validation path of {@code PUT /api/v1/orchestrator/jobs}: {@link JobReader#readRequest}
 * then {@link SubmissionPreparer#prepare} with the default limits. Every case must be refused (400) with a message
 * that contains the expected text.
 */
class JobSpecCorpusTest {
    static final Path CORPUS = Path.of("../system-tests/src/test/resources/bad-inputs/job-specs.json");
    /** Cases whose outcome needs a running orchestrator (none yet); listed by name. */
    private static final Set<String> NEEDS_ORCHESTRATOR = Set.of();

    @TestFactory
    Stream<DynamicTest> everyCaseIsRefusedWithItsMessage() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : corpus()) {
            String name = c.get("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assumeFalse(NEEDS_ORCHESTRATOR.contains(name), "needs an orchestrator");
                JsonNode job = c.has("job") ? c.get("job") : generated(c.path("request").path("generate"));
                assumeFalse(job == null, "a raw request: the API's runner checks it");
                assertEquals(400, c.path("expect").path("status").asInt());
                SpecException e = assertThrows(SpecException.class, () -> new SubmissionPreparer(
                        JobDefaults.standard(), "n-corpus").prepare(JobReader.readRequest(job)));
                String expected = c.path("expect").path("message").asText();
                assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
            }));
        }
        return tests.stream();
    }

    @Test
    void theCorpusHasAtLeast120UniquelyNamedCases() throws Exception {
        Set<String> names = new HashSet<>();
        for (JsonNode c : corpus()) assertTrue(names.add(c.get("name").asText()), "duplicate " + c.get("name"));
        assertTrue(names.size() >= 120, names.size() + " cases");
    }

    private static JsonNode corpus() throws Exception {
        return Json.mapper().readTree(Files.readString(CORPUS));
    }

    /** The runner's {@code jobField} generator: a valid noop job whose given top-level field is N characters long. */
    private static JsonNode generated(JsonNode generate) throws Exception {
        if (!"jobField".equals(generate.path("kind").asText())) return null;
        ObjectNode job = (ObjectNode) Json.mapper().readTree(
                "{\"Type\":\"batch\",\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}]}");
        job.put(generate.get("field").asText(), "a".repeat(generate.get("length").asInt()));
        return job;
    }
}
