package io.bacalao.cli.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {
    @Test
    void splitsOnCommasOutsideQuotes() {
        assertEquals(List.of("a", "b", ""), CsvFields.split("a,b,"));
        assertEquals(List.of("x,y", "z"), CsvFields.split("\"x,y\",z"));
        assertEquals(List.of("say \"hi\""), CsvFields.split("\"say \"\"hi\"\"\""));
        assertEquals(List.of(""), CsvFields.split(""));
    }

    @Test
    void refusesBrokenQuotes() {
        assertThrows(IllegalArgumentException.class, () -> CsvFields.split("\"open"));
        assertThrows(IllegalArgumentException.class, () -> CsvFields.split("\"a\"b"));
    }
}
