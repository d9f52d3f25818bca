package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Job;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Count, timeouts, sizes and characters of a submitted job are bounded (issue 10, docs/job-spec-limits.md). */
class SpecLimitsTest {
    private static final String MAIN = "{\"Name\":\"main\",\"Engine\":{\"Type\":\"noop\"}}";
    private final SubmissionPreparer preparer = new SubmissionPreparer(JobDefaults.standard(), "n-orch");

    @Test
    void theIssuesHundredMillionPartitionsAreRefused() {
        SpecException e = assertThrows(SpecException.class,
                () -> submit("{\"Type\":\"batch\",\"Count\":100000000,\"Tasks\":[" + MAIN + "]}"));

        assertEquals("job count 100000000 is more than the maximum of 1000 (Orchestrator.MaxJobCount)", e.getMessage());
    }

    @Test
    void theMaximumCountIsAccepted() {
        assertDoesNotThrow(() -> submit("{\"Type\":\"batch\",\"Count\":1000,\"Tasks\":[" + MAIN + "]}"));
    }

    @Test
    void theConfiguredMaximumCountApplies() {
        SubmissionPreparer strict = new SubmissionPreparer(JobDefaults.standard(), "n-orch",
                SpecLimits.defaults().withMaxJobCount(3));

        SpecException e = assertThrows(SpecException.class, () -> strict.prepare(
                JobReader.readRequest(Json.mapper().readTree("{\"Type\":\"service\",\"Count\":4,\"Tasks\":[" + MAIN + "]}"))));

        assertEquals("job count 4 is more than the maximum of 3 (Orchestrator.MaxJobCount)", e.getMessage());
    }

    @Test
    void aMaximumBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> SpecLimits.defaults().withMaxJobCount(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ExecutionTimeout, 315360001", "QueueTimeout, 9223372036854775807", "TotalTimeout, 999999999999"})
    void aTimeoutBeyondTenYearsIsRefusedBeforeAnythingAddsIt(String field, long seconds) {
        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"noop\"},\"Timeouts\":{\"" + field + "\":" + seconds + "}}]}"));

        assertTrue(e.getMessage().startsWith("task main validation failed: invalid timeouts: timeouts must be at most"
                + " 315360000 seconds (10 years)"), e.getMessage());
    }

    @Test
    void theLongestTimeoutStillFitsInNanosecondsAfterAnyTimeBefore2200() {
        long maxNanos = Duration.ofSeconds(SpecLimits.DEFAULT_MAX_TIMEOUT_SECONDS).toNanos();
        long year2200 = Duration.ofDays(365L * 230).toNanos();

        assertTrue(Long.MAX_VALUE - maxNanos > year2200);
    }

    @Test
    void timeoutsThatWouldOverflowTheirSumAreRefusedWithoutWrapping() {
        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"noop\"},\"Timeouts\":{\"ExecutionTimeout\":9223372036854775807,"
                + "\"QueueTimeout\":9223372036854775807,\"TotalTimeout\":1}}]}"));

        assertTrue(e.getMessage().contains("timeouts must be at most 315360000 seconds"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Count                 | "Count":99999999999999999999       | field: 'Count' in 'Job' is invalid type: Numeric value (99999999999999999999) out of range of int
            Count 1e30            | "Count":1e30                       | field: 'Count' in 'Job' is invalid type: Cannot coerce Floating-point value (1.0E30)
            Priority              | "Priority":3000000000              | field: 'Priority' in 'Job' is invalid type: Numeric value (3000000000) out of range of int
            Timeouts              | "Tasks":[{"Name":"m","Engine":{"Type":"noop"},"Timeouts":{"TotalTimeout":99999999999999999999}}] | field: 'Tasks[0].Timeouts.TotalTimeout' in 'Job' is invalid type: Numeric value
            null task             | "Tasks":[null]                     | field: 'Tasks[0]' in 'Job' is invalid type: a list must not contain null
            null constraint       | "Constraints":[null]               | field: 'Constraints[0]' in 'Job' is invalid type: a list must not contain null
            """)
    void numbersAndNullsThatDoNotFitTheirFieldAreTypeErrors(String scenario, String fields, String message) {
        String json = "{\"Type\":\"batch\"," + fields + (fields.contains("Tasks") ? "" : ",\"Tasks\":[" + MAIN + "]") + "}";

        SpecException e = assertThrows(SpecException.class, () -> submit(json));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            name                | "Name":"NAME256"                        | job name is longer than 255 characters
            namespace           | "Namespace":"NAME256"                   | job namespace is longer than 255 characters
            name control        | "Name":"a\\u0007b"                      | job name `a\\u0007b` must not contain control characters
            name null char      | "Name":"a\\u0000b"                      | job name must not contain null characters
            name bidi override  | "Name":"a\\u202Eb"                      | job name `a\\u202eb` must not contain control characters
            label key           | "Labels":{"KEY318":"v"}                 | must be 1 to 317 characters without control characters
            label value         | "Labels":{"k":"NAME256"}                | label `k` has a value longer than 255 characters
            meta value          | "Meta":{"k":"VALUE5000"}                | meta `k` has a value longer than 4096 characters
            empty label key     | "Labels":{"":"v"}                       | label key `` must be 1 to 317 characters without control characters
            """)
    void identifiersAndLabelsAreBounded(String scenario, String fields, String message) {
        String json = "{\"Type\":\"batch\"," + expand(fields) + ",\"Tasks\":[" + MAIN + "]}";

        SpecException e = assertThrows(SpecException.class, () -> submit(json));

        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void unicodeLettersInNamesAreAllowedAsInBacalhau() {
        assertDoesNotThrow(() -> submit("{\"Type\":\"batch\",\"Name\":\"trabajo-ñandú-日本\",\"Tasks\":[" + MAIN + "]}"));
    }

    @Test
    void tooManyLabelsAreRefused() {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 65; i++) labels.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");

        SpecException e = assertThrows(SpecException.class,
                () -> submit("{\"Type\":\"batch\",\"Labels\":{" + labels + "},\"Tasks\":[" + MAIN + "]}"));

        assertEquals("too many label entries: 65 (at most 64)", e.getMessage());
    }

    @Test
    void tooManyTasksAreRefusedBeforeTheExtraOnesAreDropped() {
        String tasks = String.join(",", java.util.Collections.nCopies(9, MAIN));

        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[" + tasks + "]}"));

        assertEquals("too many tasks: 9 (at most 8)", e.getMessage());
    }

    @Test
    void tooManyResultsAreRefusedWithoutComparingEveryPair() {
        String results = String.join(",", java.util.Collections.nCopies(20_000, "{\"Name\":\"o\",\"Path\":\"/out\"}"));

        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"noop\"},\"Publisher\":{\"Type\":\"local\"},\"ResultPaths\":["
                + results + "]}]}"));

        assertEquals("task main validation failed: too many result paths: 20000 (at most 64)", e.getMessage());
    }

    @Test
    void envValuesAreBounded() {
        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"noop\"},\"Env\":{\"BIG\":\"" + "x".repeat(32 * 1024 + 1) + "\"}}]}"));

        assertEquals("task main validation failed: invalid env: value of 'BIG' is longer than 32768 characters",
                e.getMessage());
    }

    @Test
    void aLongParameterListIsRefused() {
        String params = String.join(",", java.util.Collections.nCopies(4097, "\"a\""));

        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"x\",\"Parameters\":[" + params
                + "]}}}]}"));

        assertEquals("task main validation failed: invalid engine: parameter Parameters has 4097 items, more than the"
                + " limit of 4096", e.getMessage());
    }

    @Test
    void theWholeSpecIsAtMostOneMebibyte() {
        String big = "x".repeat(4000);
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < 300; i++) params.append(i == 0 ? "" : ",").append("\"P").append(i).append("\":\"").append(big).append('"');

        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"docker\",\"Params\":{" + params + "}}}]}"));

        assertTrue(e.getMessage().matches("the job spec is \\d+ bytes, more than the limit of 1048576 bytes"),
                e.getMessage());
    }

    @Test
    void anInfiniteCpuIsRefused() {
        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":"
                + "\"main\",\"Engine\":{\"Type\":\"noop\"},\"Resources\":{\"CPU\":\"1e400\"}}]}"));

        assertEquals("task main validation failed: invalid resources: invalid CPU value: 1e400", e.getMessage());
    }

    private static String expand(String s) {
        return s.replace("NAME256", "n".repeat(256)).replace("KEY318", "k".repeat(318))
                .replace("VALUE5000", "v".repeat(5000));
    }

    private Job submit(String json) throws Exception {
        return preparer.prepare(JobReader.readRequest(Json.mapper().readTree(json))).job();
    }
}
