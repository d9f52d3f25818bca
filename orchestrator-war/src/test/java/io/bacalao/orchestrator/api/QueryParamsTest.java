package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsTest {

    @Test
    void anAbsentOrZeroLimitIsTheDefaultPage() {
        assertEquals(100, QueryParams.limit(null, 100));
        assertEquals(100, QueryParams.limit("", 100));
        assertEquals(100, QueryParams.limit("0", 100));
        assertEquals(7, QueryParams.limit("7", 100));
        assertEquals(QueryParams.MAX_LIMIT, QueryParams.limit(String.valueOf(QueryParams.MAX_LIMIT), 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1001", "2147483647", "2147483648", "4294967296", "99999999999999999999999",
            "ten", "1.5", "1e3", "0x10", " ", "--1"})
    void aLimitOutOfRangeOrNotANumberIsRefused(String value) {
        if (value.isBlank()) {
            assertEquals(5, QueryParams.limit(value, 5));
            return;
        }
        BadParameterException e = assertThrows(BadParameterException.class, () -> QueryParams.limit(value, 5));
        assertTrue(e.getMessage().startsWith("invalid limit: "), e.getMessage());
    }

    @Test
    void countsMayNotBeNegativeNorOverflow() {
        assertEquals(0, QueryParams.nonNegative("since", null));
        assertEquals(1_700_000_000L, QueryParams.nonNegative("since", "1700000000"));
        assertThrows(BadParameterException.class, () -> QueryParams.nonNegative("since", "-5"));
        assertThrows(BadParameterException.class, () -> QueryParams.nonNegative("job_version", "9223372036854775808"));
        assertThrows(BadParameterException.class, () -> QueryParams.nonNegative("job_version", "v1"));
    }

    @Test
    void booleansAreReadAsGoDoes() {
        assertTrue(QueryParams.bool("reverse", "true"));
        assertTrue(QueryParams.bool("reverse", "1"));
        assertTrue(QueryParams.bool("reverse", ""));
        assertFalse(QueryParams.bool("reverse", null));
        assertFalse(QueryParams.bool("reverse", "FALSE"));
        BadParameterException e = assertThrows(BadParameterException.class, () -> QueryParams.bool("reverse", "yes"));
        assertEquals("invalid reverse: yes (use true or false)", e.getMessage());
    }

    @Test
    void textIsBoundedAndFreeOfControlCharacters() {
        assertEquals("default", QueryParams.text("namespace", "default"));
        assertThrows(BadParameterException.class, () -> QueryParams.text("namespace", "x".repeat(257)));
        assertThrows(BadParameterException.class, () -> QueryParams.text("namespace", "a\nb"));
        assertThrows(BadParameterException.class, () -> QueryParams.labels(List.of("a=" + "b".repeat(5000))));
        assertEquals(List.of("a=b"), QueryParams.labels(List.of("a=b")));
    }
}
