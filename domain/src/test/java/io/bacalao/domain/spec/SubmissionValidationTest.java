package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a submission is refused for, with Bacalhau's messages (reference §2.9). */
class SubmissionValidationTest {
    private static final String MAIN = "{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\"}}";
    private final SubmissionPreparer preparer = new SubmissionPreparer(JobDefaults.standard(), "n-orch");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing type      | {"Tasks":[MAIN]}                          | missing job type
            blank type        | {"Type":"  ","Tasks":[MAIN]}              | missing job type
            invalid type      | {"Type":"foo","Tasks":[MAIN]}             | invalid job type: "foo"
            negative count    | {"Type":"batch","Count":-1,"Tasks":[MAIN]} | job count must be >= 0
            ops count 2       | {"Type":"ops","Count":2,"Tasks":[MAIN]}   | ops jobs cannot specify count > 1 as they run on all matching nodes
            daemon count 3    | {"Type":"daemon","Count":3,"Tasks":[MAIN]} | daemon jobs cannot specify count > 1 as they run on all matching nodes
            missing tasks     | {"Type":"batch"}                          | missing job tasks
            empty tasks       | {"Type":"batch","Tasks":[]}               | missing job tasks
            """)
    void jobLevelRules(String scenario, String json, String message) {
        SpecException e = assertThrows(SpecException.class, () -> submit(json.replace("MAIN", MAIN)));

        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing engine type  | "Engine":{"Params":{"Image":"x"}}                      | invalid engine: missing spec type
            missing engine       | "Publisher":{"Type":"local"}                           | invalid engine: missing spec type
            invalid CPU          | "Engine":{"Type":"docker"},"Resources":{"CPU":"abc"}   | invalid resources: invalid CPU value: abc
            invalid memory       | "Engine":{"Type":"docker"},"Resources":{"Memory":"2XB"} | invalid resources: invalid Memory value: 2XB
            invalid GPU          | "Engine":{"Type":"docker"},"Resources":{"GPU":"-1"}    | invalid resources: invalid GPU value: -1
            relative result path | "Engine":{"Type":"docker"},"Publisher":{"Type":"local"},"ResultPaths":[{"Name":"outputs","Path":"outputs"}] | invalid output: result path `outputs` must be absolute
            input without target | "Engine":{"Type":"docker"},"InputSources":[{"Source":{"Type":"ipfs","Params":{"CID":"Qm1"}}}] | invalid input sources: input source is missing a target
            duplicate alias      | "Engine":{"Type":"docker"},"InputSources":[{"Source":{"Type":"ipfs"},"Alias":"a","Target":"/in/1"},{"Source":{"Type":"ipfs"},"Alias":"a","Target":"/in/2"}] | input source with alias 'a' already exists
            duplicate target     | "Engine":{"Type":"docker"},"InputSources":[{"Source":{"Type":"ipfs"},"Target":"/in"},{"Source":{"Type":"ipfs"},"Target":"/in"}] | input source with target '/in' already exists
            timeouts over total  | "Engine":{"Type":"docker"},"Timeouts":{"ExecutionTimeout":60,"QueueTimeout":60,"TotalTimeout":100} | invalid timeouts: the sum of execution timeout (60s) and queue timeout (60s) must not exceed the total timeout (100s)
            reserved env name    | "Engine":{"Type":"docker"},"Env":{"BACALHAU_X":"1"}   | invalid env: name 'BACALHAU_X' must not start with BACALHAU_
            domains without HTTP | "Engine":{"Type":"docker"},"Network":{"Type":"Host","Domains":["example.com"]} | invalid network: domains can only be set for HTTP network mode
            """)
    void taskLevelRulesAreReportedUnderTheTaskName(String scenario, String taskFields, String message) {
        String json = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\"," + taskFields + "}]}";

        SpecException e = assertThrows(SpecException.class, () -> submit(json));

        assertEquals("task main validation failed: " + message, e.getMessage());
    }

    @Test
    void aTaskWithoutANameIsRefused() {
        SpecException e = assertThrows(SpecException.class,
                () -> submit("{\"Type\":\"batch\",\"Tasks\":[{\"Engine\":{\"Type\":\"docker\"}}]}"));

        assertEquals("task  validation failed: missing task name", e.getMessage());
    }

    @Test
    void longRunningJobsCannotHaveTimeouts() {
        SpecException e = assertThrows(SpecException.class, () -> submit("""
                {"Type":"service","Tasks":[{"Name":"main","Engine":{"Type":"docker"},"Timeouts":{"TotalTimeout":60}}]}
                """));

        assertEquals("task main validation failed: invalid timeouts: "
                + "service jobs are long running and cannot have ExecutionTimeout or TotalTimeout", e.getMessage());
    }

    @Test
    void severalProblemsAreCollectedOnePerLine() {
        SpecException e = assertThrows(SpecException.class, () -> submit("{\"Count\":-1}"));

        assertEquals("missing job type\njob count must be >= 0\nmissing job tasks", e.getMessage());
    }

    @Test
    void aTaskListsAllItsProblemsOnePerLine() {
        SpecException e = assertThrows(SpecException.class, () -> submit("""
                {"Type":"batch","Tasks":[{"Name":"main","Engine":{},"Resources":{"CPU":"abc"},
                  "Publisher":{"Type":"local"},"ResultPaths":[{"Name":"out","Path":"out"}]}]}
                """));

        assertEquals("task main validation failed: invalid engine: missing spec type\n"
                + "invalid resources: invalid CPU value: abc\n"
                + "invalid output: result path `out` must be absolute", e.getMessage());
    }

    @Test
    void resultPathsNeedAPublisher() {
        SpecException e = assertThrows(SpecException.class, () -> submit("""
                {"Type":"batch","Tasks":[{"Name":"main","Engine":{"Type":"docker"},
                  "ResultPaths":[{"Name":"outputs","Path":"/outputs"}]}]}
                """));

        assertEquals("publisher must be set if result paths are set", e.getMessage());
    }

    @Test
    void anInvalidConstraintIsRefusedWithTheRuleItBreaks() {
        SpecException e = assertThrows(SpecException.class, () -> submit("""
                {"Type":"batch","Constraints":[{"Key":"region","Operator":"in"}],"Tasks":[MAIN]}
                """.replace("MAIN", MAIN)));

        assertTrue(e.getMessage().matches(
                "constraint \\d validation failed: for 'in', 'notin' operators, values set can't be empty"), e.getMessage());
    }

    @Test
    void constraintsAreNumberedFromOneAsInBacalhau() {
        SpecException e = assertThrows(SpecException.class, () -> submit("""
                {"Type":"batch","Constraints":[{"Key":"region","Operator":"=","Values":["eu"]},
                                               {"Key":"gpu","Operator":"exists","Values":["x"]}],
                 "Tasks":[MAIN]}
                """.replace("MAIN", MAIN)));

        assertTrue(e.getMessage().startsWith("constraint 2 validation failed: "), e.getMessage());
    }

    private Submission submit(String json) {
        return preparer.prepare(Json.read(json, Job.class));
    }
}
