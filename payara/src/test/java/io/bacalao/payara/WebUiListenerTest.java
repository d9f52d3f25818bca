package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebUiListenerTest {
    @Test
    void listenAddressesParse() {
        assertEquals(new WebUiListener("0.0.0.0", 8438), WebUiListener.parse("0.0.0.0:8438"));
        assertEquals(new WebUiListener("0.0.0.0", 9000), WebUiListener.parse(":9000"));
        assertEquals(new WebUiListener("::1", 9000), WebUiListener.parse("[::1]:9000"));
        assertEquals("http://127.0.0.1:8438/", WebUiListener.parse("0.0.0.0:8438").url("http"));
        assertEquals("https://[::1]:9000/", WebUiListener.parse("[::1]:9000").url("https"));
    }

    @Test
    void badListenAddressesNameTheKey() {
        for (String bad : List.of("8438", "host:", "host:http", "host:70000", "host:0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebUiListener.parse(bad));
            assertTrue(e.getMessage().startsWith("invalid WebUI.Listen '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void onlyAnOrchestratorWithTheUiEnabledGetsTheListener() {
        Map<String, String> on = Map.of(WebUiListener.ENABLED, "true", WebUiListener.LISTEN, "127.0.0.1:9100");
        assertEquals(new WebUiListener("127.0.0.1", 9100), WebUiListener.of(spec(true, on)).orElseThrow());
        assertTrue(WebUiListener.of(spec(false, on)).isEmpty());
        assertTrue(WebUiListener.of(spec(true, Map.of())).isEmpty());
    }

    @Test
    void theSpareListenerIsEnabledAndSpeaksTheApiProtocol() {
        List<String> plain = PayaraCommands.preBoot(spec(true, Map.of(WebUiListener.ENABLED, "true",
                WebUiListener.LISTEN, "127.0.0.1:9100")));
        String listener = "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.";
        assertTrue(plain.containsAll(List.of(listener + "enabled=true", listener + "address=127.0.0.1",
                listener + "port=9100", listener + "protocol=http-listener")), plain.toString());
        assertTrue(!plain.contains(listener + "enabled=false"), plain.toString());
        assertTrue(PayaraCommands.preBoot(spec(true, Map.of())).contains(listener + "enabled=false"));
    }

    private static NodeSpec spec(boolean orchestrator, Map<String, String> config) {
        return new NodeSpec("n-1", orchestrator, !orchestrator, Path.of("/tmp/x"), "127.0.0.1", 1234,
                BrokerAddress.parse("tcp://127.0.0.1:4222", null), orchestrator,
                NodeSpec.Database.h2(Path.of("/tmp/x")), config, List.of());
    }
}
