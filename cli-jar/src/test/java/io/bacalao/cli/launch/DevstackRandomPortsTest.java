package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.ConfigLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code devstack --random-ports}: every port the cluster listens on is free, none is used twice, and none is in the
 * kernel's ephemeral range (where an outgoing connection can take it first).
 */
class DevstackRandomPortsTest {

    @Test
    void everyListenerGetsItsOwnFreePort() throws IOException {
        Config c = DevstackCommand.withRandomPorts(DevstackCommand.withWebUi(ConfigLoader.withDefaults().resolve()), 3, new Random(7));
        int api = c.getInt(ConfigKeys.API_PORT);
        int publisher = c.getInt(ConfigKeys.LOCAL_PUBLISHER_PORT);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i <= 3; i++) {
            ports.add(api + i);          // the orchestrator's API and compute i's
            ports.add(publisher + i);    // compute i's local publisher (and a hybrid's after them)
        }
        ports.add(c.getInt(ConfigKeys.ORCHESTRATOR_PORT));
        String ui = c.get(ConfigKeys.WEBUI_LISTEN);
        assertTrue(ui.startsWith("127.0.0.1:"), ui);
        ports.add(Integer.parseInt(ui.substring(ui.indexOf(':') + 1)));
        assertEquals(10, ports.size(), "no port shared: " + ports);
        assertNotEquals(1234, api);
        for (int port : ports) {
            assertTrue(port >= Ports.RANDOM_LOWEST && port < Ports.RANDOM_END, "below the ephemeral range: " + port);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }
}
