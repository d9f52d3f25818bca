package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobStateType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** `job run` reads a file with Bacalhau's rules for top-level keys (reference §2.9, marshaller.UnmarshalJob). */
class JobReaderTest {
    private static final String TASKS = """
            Tasks:
              - Name: main
                Engine: {Type: docker, Params: {Image: ubuntu}}
            """;

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile("Type: batch\nFoo: 1\n" + TASKS));

        assertEquals("unknown field: 'Foo' in 'Job'", e.getMessage());
    }

    @Test
    void anUnknownKeyInJsonIsRefusedToo() {
        SpecException e = assertThrows(SpecException.class,
                () -> JobReader.readFile("{\"Type\":\"batch\",\"Bogus\":true}"));

        assertEquals("unknown field: 'Bogus' in 'Job'", e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" in a file -> field: ''{1}'' in ''Job'' is not allowed")
    @CsvSource(delimiter = '|', value = {
            "'State: {StateType: Running}' | State",
            "'ID: j-123'                   | ID",
            "'id: j-123'                   | ID",
            "'Version: 2'                  | Version",
            "'Revision: 4'                 | Revision",
            "'CreateTime: 1'               | CreateTime",
            "'modifytime: 1'               | ModifyTime",
    })
    void serverOwnedFieldsAreNotAllowedInAFile(String line, String field) {
        SpecException e = assertThrows(SpecException.class,
                () -> JobReader.readFile("Type: batch\n" + line + "\n" + TASKS));

        assertEquals("field: '" + field + "' in 'Job' is not allowed", e.getMessage());
    }

    @Test
    void aCountThatIsNotANumberNamesTheField() {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile("Type: batch\nCount: abc\n" + TASKS));

        assertTrue(e.getMessage().startsWith("field: 'Count' in 'Job' is invalid type"), e.getMessage());
    }

    @ParameterizedTest(name = "Priority \"{0}\" names the field")
    @ValueSource(strings = {"high", "[1]"})
    void aPriorityThatIsNotANumberNamesTheField(String value) {
        SpecException e = assertThrows(SpecException.class,
                () -> JobReader.readFile("Type: batch\nPriority: " + value + "\n" + TASKS));

        assertTrue(e.getMessage().startsWith("field: 'Priority' in 'Job' is invalid type"), e.getMessage());
    }

    @Test
    void aFractionalCountIsAnInvalidType() {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile("Type: batch\nCount: 1.5\n" + TASKS));

        assertTrue(e.getMessage().startsWith("field: 'Count' in 'Job' is invalid type"), e.getMessage());
    }

    @Test
    void aNullTaskIsASpecException() {
        assertThrows(SpecException.class, () -> JobReader.readFile("Type: batch\nTasks: [~]\n"));
    }

    @Test
    void unknownKeysBelowTheTopLevelAreIgnoredAsInBacalhau() {
        Job job = JobReader.readFile("""
                Type: batch
                Tasks:
                  - Name: main
                    Colour: blue
                    Engine: {Type: docker, Params: {Image: ubuntu}, Extra: 1}
                """);

        assertEquals("main", job.task().name());
        assertEquals("ubuntu", job.task().engine().param("Image"));
    }

    @ParameterizedTest(name = "malformed spec {0}")
    @ValueSource(strings = {
            "Type: [batch\n",
            "Type: batch\n  Tasks: - x\n:",
            "{\"Type\": ",
            "{\"Type\": \"batch\",}",
    })
    void malformedYamlOrJsonIsASpecException(String text) {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile(text));

        assertTrue(e.getMessage().startsWith("failed to parse job spec: "), e.getMessage());
    }

    @ParameterizedTest(name = "empty spec \"{0}\"")
    @ValueSource(strings = {"", "   ", "\n\n", "# only a comment\n"})
    void anEmptySpecIsRefused(String text) {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile(text));

        assertEquals("the job spec is empty", e.getMessage());
    }

    @Test
    void nullTextIsAnEmptySpec() {
        assertThrows(SpecException.class, () -> JobReader.readFile(null));
    }

    @ParameterizedTest(name = "\"{0}\" is not an object")
    @CsvSource(delimiter = '|', value = {"'- a\n- b\n' | array", "'hello' | string", "'[1,2]' | array"})
    void aSpecMustBeAnObject(String text, String kind) {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readFile(text));

        assertTrue(e.getMessage().endsWith("not a " + kind), e.getMessage());
    }

    @Test
    void aValidFileReadsAsAJob() {
        Job job = JobReader.readFile("Type: batch\nCount: 2\nLabels: {team: data}\n" + TASKS);

        assertEquals(2, job.count());
        assertEquals("data", job.labels().get("team"));
        assertEquals("ubuntu", job.task().engine().param("Image"));
    }

    @Test
    void aRequestMayCarryServerOwnedFields() throws Exception {
        JsonNode tree = Json.mapper().readTree("""
                {"ID":"j-1","Type":"batch","State":{"StateType":"Running"},"Version":3,
                 "Tasks":[{"Name":"main","Engine":{"Type":"docker"}}]}
                """);

        Job job = JobReader.readRequest(tree);

        assertEquals("j-1", job.id());
        assertEquals(JobStateType.Running, job.state().stateType());
        assertEquals(3, job.version());
    }

    @Test
    void aRequestMayNotCarryUnknownFields() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"Type\":\"batch\",\"Foo\":1}");

        SpecException e = assertThrows(SpecException.class, () -> JobReader.readRequest(tree));

        assertEquals("unknown field: 'Foo' in 'Job'", e.getMessage());
    }

    @Test
    void aRequestWithoutAJobIsRefused() {
        SpecException e = assertThrows(SpecException.class, () -> JobReader.readRequest(null));

        assertEquals("job spec is missing", e.getMessage());
    }
}
