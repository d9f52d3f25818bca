package io.bacalao.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How L1 compares the store's rows with the baseline and keeps the largest seen. */
class L1LoadTest {
    @Test
    void rowsAreWithinTheBaselineWhenNoTableHasMoreRowsThanBefore() {
        Map<String, Long> before = Map.of("Jobs", 0L, "Nodes", 51L);
        assertTrue(L1Load.withinBaseline(Map.of("Jobs", 0L, "Nodes", 51L), before));
        assertTrue(L1Load.withinBaseline(Map.of("Jobs", 0L, "Nodes", 50L), before), "fewer rows are within");
        assertFalse(L1Load.withinBaseline(Map.of("Jobs", 1L, "Nodes", 51L), before));
        assertFalse(L1Load.withinBaseline(Map.of("Nodes", 51L, "Jobs", 0L, "History", 3L), Map.of("Nodes", 51L, "Jobs", 0L, "History", 0L)));
    }

    @Test
    void theLargestRowsArePerTableOverEverySample() {
        Map<String, Long> largest = L1Load.largest(List.of(Map.of("Jobs", 10L, "History", 50L), Map.of("Jobs", 30L, "History", 20L)),
                Map.of("Jobs", 5L, "History", 5L));
        assertEquals(Map.of("Jobs", 30L, "History", 50L), largest);
    }
}
