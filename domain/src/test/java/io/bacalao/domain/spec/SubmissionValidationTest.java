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
            HTTP without domains | "Engine":{"Type":"docker"},"Network":{"Type":"HTTP"} | invalid network: at least one domain is required when HTTP networking is enabled
            invalid domain       | "Engine":{"Type":"docker"},"Network":{"Type":"HTTP","Domains":["not a domain"]} | invalid network: invalid domain "not a domain"
            ports with None      | "Engine":{"Type":"docker"},"Network":{"Type":"None","Ports":[{"Name":"web"}]} | invalid network: ports can only be set for Host or Bridge network modes
            ports with Default   | "Engine":{"Type":"docker"},"Network":{"Ports":[{"Name":"web"}]} | invalid network: ports can only be set for Host or Bridge network modes
            port without name    | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Target":80}]} | invalid network: port mapping name is required
            port name not env    | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"my-web"}]} | invalid network: port name must be a valid environment variable name: start with letter/underscore and contain only letters, numbers, and underscores
            privileged static    | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"web","Static":80}]} | invalid network: static port 80 is in privileged port range (1-1023)
            static over 65535    | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"web","Static":70000}]} | invalid network: static port 70000 is above maximum valid port 65535
            bad target           | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"web","Target":-1}]} | invalid network: invalid target port -1
            bad host network     | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"web","HostNetwork":"localhost"}]} | invalid network: invalid host network IP address: localhost
            duplicate port name  | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"web"},{"Name":"web"}]} | invalid network: duplicate port mapping name "web"
            duplicate static     | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"a","Static":20001},{"Name":"b","Static":20001}]} | invalid network: duplicate port mapping static port 20001
            duplicate target     | "Engine":{"Type":"docker"},"Network":{"Type":"Bridge","Ports":[{"Name":"a","Target":80},{"Name":"b","Target":80}]} | invalid network: duplicate port mapping target port 80
            target with Host     | "Engine":{"Type":"docker"},"Network":{"Type":"Host","Ports":[{"Name":"web","Target":80}]} | invalid network: target ports cannot be set for Host network mode
            wasm with HTTP       | "Engine":{"Type":"wasm"},"Network":{"Type":"HTTP","Domains":["example.com"]} | invalid network: wasm jobs cannot use the network (network type HTTP): Bacalao runs WebAssembly modules with WASI preview 1, which has no sockets; use a docker job, or network type None
            wasm with Host       | "Engine":{"Type":"WASM"},"Network":{"Type":"Host"} | invalid network: wasm jobs cannot use the network (network type Host): Bacalao runs WebAssembly modules with WASI preview 1, which has no sockets; use a docker job, or network type None
            """)
    void taskLevelRulesAreReportedUnderTheTaskName(String scenario, String taskFields, String message) {
        String json = "{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\"," + taskFields + "}]}";

        SpecException e = assertThrows(SpecException.class, () -> submit(json));

        assertEquals("task main validation failed: " + message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bridge ports      | {"Type":"Bridge","Ports":[{"Name":"web","Target":8080},{"Name":"api","Static":20001,"HostNetwork":"127.0.0.1"}]}
            host ports        | {"Type":"Host","Ports":[{"Name":"web"},{"Name":"_x2","Static":65535}]}
            full ports        | {"Type":"Full","Ports":[{"Name":"web","HostNetwork":"::1"}]}
            HTTP domains      | {"Type":"HTTP","Domains":["example.com",".github.com","*.crates.io","10.0.0.1"]}
            """)
    void validNetworksAreAccepted(String scenario, String network) {
        submit("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\"},\"Network\":"
                + network + "}]}");
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
