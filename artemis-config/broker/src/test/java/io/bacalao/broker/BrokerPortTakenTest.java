package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose port is held when it starts (by a bound socket that does not listen, as an outgoing connection
 * holds its local port, or by another process's listener) refuses to start and says so, instead of running without
 * a listener.
 */
class BrokerPortTakenTest {

    @Test
    void aBrokerWhosePortIsTakenFailsToStartAndSaysWhy(@TempDir Path dir) throws Exception {
        int port = EmbeddedBrokerTlsTest.freePort();
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", port));
            assertRefusesToStart(dir, port);
        }
    }

    @Test
    void aBrokerWhosePortAnotherServerListensOnFailsToStart(@TempDir Path dir) throws Exception {
        int port = EmbeddedBrokerTlsTest.freePort();
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("127.0.0.1", port));
            assertRefusesToStart(dir, port);
        }
    }

    @Test
    void aListeningBrokerIsSeenListening(@TempDir Path dir) throws Exception {
        int port = EmbeddedBrokerTlsTest.freePort();
        try (EmbeddedBroker broker = broker(dir, port).start();
                Socket client = new Socket("127.0.0.1", port)) {
            assertTrue(EmbeddedBroker.acceptorStarted(broker.server()));
            assertTrue(client.isConnected());
        }
    }

    private static EmbeddedBroker broker(Path dir, int port) {
        return new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), "join-token",
                "o".repeat(64), false, 3, null));
    }

    private static void assertRefusesToStart(Path dir, int port) {
        IOException refused = assertThrows(IOException.class, broker(dir, port)::start);
        assertTrue(refused.getMessage().contains("not listening on 127.0.0.1:" + port), refused.getMessage());
    }
}
