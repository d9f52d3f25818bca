package io.bacalao.cli.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import io.bacalao.domain.model.ResultPath;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutputParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("outputs:/outputs", new ResultPath("outputs", "/outputs")),
                Arguments.of("custom:/output_custom/sub", new ResultPath("custom", "/output_custom/sub")),
                Arguments.of("legacy=/out", new ResultPath("legacy", "/out")),
                Arguments.of(" spaced : /out ", new ResultPath("spaced", "/out")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String value, ResultPath expected) {
        assertEquals(expected, OutputParser.parse(value));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("outputs", "missing path: give NAME:PATH, e.g. outputs:/outputs"),
                Arguments.of(":/outputs", "missing name"),
                Arguments.of("outputs:", "missing path after the name"),
                Arguments.of("outputs:relative", "path \"relative\" must be absolute"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String value, String why) {
        CliException e = assertThrows(CliException.class, () -> OutputParser.parse(value));
        assertTrue(e.getMessage().startsWith("invalid output \"" + value + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
