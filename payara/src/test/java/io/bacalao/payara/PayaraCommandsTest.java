package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayaraCommandsTest {
    private static final String GRID_OFF = "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false";

    @Test
    void everyRoleBootsWithoutTheDataGrid() {
        for (boolean orchestrator : List.of(true, false)) {
            List<String> commands = PayaraCommands.preBoot(spec(orchestrator));
            assertTrue(commands.contains(GRID_OFF), commands.toString());
            assertFalse(commands.stream().anyMatch(c -> c.startsWith("set hazelcast-runtime-configuration.")),
                    "no member to bind: " + commands);
        }
    }

    private static NodeSpec spec(boolean orchestrator) {
        return new NodeSpec("n-1", orchestrator, !orchestrator, Path.of("/tmp/x"), "127.0.0.1", 1234,
                BrokerAddress.parse("tcp://127.0.0.1:4222", null), orchestrator,
                NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
    }
}
