package io.bacalao.cli.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bacalhau's job templating: Go text/template over the variables, missingkey=error. */
class SpecTemplateTest {
    private static final Map<String, String> NO_ENV = Map.of();

    private static String apply(String spec, Map<String, String> vars) {
        return SpecTemplate.of(vars, null, NO_ENV).apply(spec);
    }

    @Test
    void namesAreReplacedByTheirValues() {
        assertEquals("Name: web-7\nImage: ubuntu:24.04\n",
                apply("Name: {{.name}}-{{ .n }}\nImage: {{.image}}\n", Map.of("name", "web", "n", "7", "image", "ubuntu:24.04")));
    }

    @Test
    void aSpecWithoutActionsIsUnchanged() {
        String spec = "Name: a { b } c }} d\n";
        assertEquals(spec, apply(spec, Map.of()));
    }

    @Test
    void aNameWithoutAValueIsAnErrorAsGosMissingKeyError() {
        CliException e = assertThrows(CliException.class, () -> apply("Name: x\nImage: {{.image}}\n", Map.of()));
        assertEquals("the job provided is invalid: failed to execute template: template: :2:9: executing \"\" at"
                + " <.image>: map has no entry for key \"image\"", e.getMessage());
    }

    @Test
    void trimMarkersEatTheSpaceBesideThem() {
        assertEquals("a::b", apply("a:  {{- .x -}}  \n :b", Map.of("x", "")));
        assertEquals("a:1 b", apply("a:{{- .x }} b", Map.of("x", "1")));
    }

    @Test
    void literalsAndCommentsAsGo() {
        assertEquals("x: {{.y}}", apply("x: {{\"{{.y}}\"}}", Map.of()));
        assertEquals("x: `raw`".replace("`", ""), apply("x: {{`raw`}}", Map.of()));
        assertEquals("x: \"q\"\n", apply("x: {{ \"\\\"q\\\"\" }}{{/* a comment */}}\n", Map.of()));
    }

    @Test
    void unclosedAndUnsupportedActionsAreParseErrors() {
        CliException unclosed = assertThrows(CliException.class, () -> apply("a\nb {{ .x\n", Map.of("x", "1")));
        assertEquals("the job provided is invalid: failed to parse template: template: :2: unclosed action", unclosed.getMessage());
        CliException pipeline = assertThrows(CliException.class, () -> apply("{{ .x | printf \"%q\" }}", Map.of("x", "1")));
        assertTrue(pipeline.getMessage().contains("unsupported action {{.x | printf \"%q\"}}"), pipeline.getMessage());
        assertThrows(CliException.class, () -> apply("{{ if .x }}y{{ end }}", Map.of("x", "1")));
        assertThrows(CliException.class, () -> apply("{{}}", Map.of()));
    }

    @Test
    void environmentVariablesMatchingThePatternAreVariablesButFlagsWin() {
        Map<String, String> env = Map.of("APP_IMAGE", "alpine", "APP_TAG", "3", "HOME", "/root");
        SpecTemplate t = SpecTemplate.of(Map.of("APP_TAG", "4"), "^APP_", env);
        assertEquals("alpine:4", t.apply("{{.APP_IMAGE}}:{{.APP_TAG}}"));
        assertThrows(CliException.class, () -> t.apply("{{.HOME}}"));
        assertEquals("/root", SpecTemplate.of(Map.of(), "*", env).apply("{{.HOME}}"), "'*' means every variable");
        assertEquals("/root", SpecTemplate.of(Map.of(), "OM", env).apply("{{.HOME}}"), "the pattern is not anchored");
    }

    @Test
    void aBadPatternIsAnError() {
        CliException e = assertThrows(CliException.class, () -> SpecTemplate.of(Map.of(), "(", NO_ENV));
        assertTrue(e.getMessage().startsWith("failed to create template parser: invalid --template-envs pattern ("), e.getMessage());
    }

    @Test
    void templateVarsAreCsvRecordsOfPairsAndALaterKeyWins() {
        assertEquals(Map.of("a", "1", "b", "x=y", "c", "3,4"),
                SpecTemplate.variables(List.of("a=0,b=x=y", "a=1", "\"c=3,4\"")));
        assertEquals(Map.of("empty", ""), SpecTemplate.variables(List.of("empty=")));
        CliException e = assertThrows(CliException.class, () -> SpecTemplate.variables(List.of("a=1,b")));
        assertEquals("invalid --template-vars \"a=1,b\": b must be formatted as key=value", e.getMessage());
    }
}
