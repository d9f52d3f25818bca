package io.bacalao.cli.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "A=b|A|b",
            "URL=http://h/?x=1,y=2|URL|http://h/?x=1,y=2",
            "EMPTY=|EMPTY|''",
            "env:HOST=x|env:HOST|x"})
    void parses(String value, String name, String expected) {
        assertEquals(Map.entry(name, expected), EnvParser.parse(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"NOVALUE|expected NAME=VALUE", "=x|missing name"})
    void refuses(String value, String why) {
        CliException e = assertThrows(CliException.class, () -> EnvParser.parse(value));
        assertTrue(e.getMessage().startsWith("invalid env \"" + value + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void laterValuesWinAndOrderIsKept() {
        assertEquals(List.of("B", "A"), List.copyOf(EnvParser.parseAll(List.of("B=1", "A=2", "B=3")).keySet()));
        assertEquals("3", EnvParser.parseAll(List.of("B=1", "A=2", "B=3")).get("B"));
    }
}
