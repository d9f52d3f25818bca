package io.bacalao.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestPortsTest {
    final Set<Integer> bound = new HashSet<>();

    TestPorts.Cursor cursor(int offset) {
        return new TestPorts.Cursor(20000, 100, offset, port -> !bound.contains(port));
    }

    @Test
    void blocksDrawnBeforeAnyIsBoundNeverOverlap() {
        TestPorts.Cursor ports = cursor(0);
        Set<Integer> handedOut = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            int base = ports.next(8);
            for (int p = base; p < base + 8; p++) assertTrue(handedOut.add(p), "port " + p + " handed out twice");
        }
    }

    @Test
    void aBlockSkipsPastABoundPort() {
        bound.add(20013);
        TestPorts.Cursor ports = cursor(10);
        assertEquals(20014, ports.next(8));
        assertEquals(20022, ports.next(1));
    }

    @Test
    void aBlockThatWouldPassTheRangesEndStartsAgainAtItsBeginning() {
        TestPorts.Cursor ports = cursor(95);
        assertEquals(20000, ports.next(8));
        assertEquals(20008, ports.next(8));
    }

    @Test
    void aRangeWithNoFreeBlockIsAnError() {
        for (int p = 20000; p < 20100; p += 5) bound.add(p);
        TestPorts.Cursor ports = cursor(0);
        assertEquals(20001, ports.next(4));
        assertThrows(IllegalStateException.class, () -> ports.next(5));
    }
}
