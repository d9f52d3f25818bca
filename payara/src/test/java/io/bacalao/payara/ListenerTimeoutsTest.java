package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerTimeoutsTest {

    @Test
    void durationsAreReadInWholeSecondsRoundedUp() {
        assertEquals(30, ListenerTimeouts.seconds(null));
        assertEquals(30, ListenerTimeouts.seconds("30s"));
        assertEquals(90, ListenerTimeouts.seconds("1m30s"));
        assertEquals(3, ListenerTimeouts.seconds("2500ms"));
        assertEquals(1, ListenerTimeouts.seconds("0s"));
        assertThrows(IllegalArgumentException.class, () -> ListenerTimeouts.seconds("soon"));
        assertThrows(IllegalArgumentException.class, () -> ListenerTimeouts.seconds("30"));
    }

    @Test
    void theListenerGetsIdleAndReadTimeouts() {
        List<String> c = ListenerTimeouts.commands(Map.of(ListenerTimeouts.KEY, "3s"));
        assertTrue(c.get(0).endsWith("http-listener.http.timeout-seconds=3"), c.get(0));
        assertTrue(c.get(1).endsWith("transport.tcp.read-timeout-millis=3000"), c.get(1));
    }
}
