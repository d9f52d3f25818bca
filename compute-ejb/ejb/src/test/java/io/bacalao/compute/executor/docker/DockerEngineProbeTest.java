package io.bacalao.compute.executor.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine check never waits on an engine that accepts connections and does not answer (a node's start and its bids ask it). */
class DockerEngineProbeTest {
    @TempDir
    Path dir;

    @Test
    void anEngineThatAcceptsButNeverAnswersIsNotAvailable() throws Exception {
        Path socket = dir.resolve("docker.sock");
        List<SocketChannel> held = new ArrayList<>();
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (Exception closed) {
                    // the test is over
                }
            });
            DockerEngine engine = DockerEngine.at("unix://" + socket);

            // the guard is far above the probe's 5 s and far below the main client's 10-minute wait
            assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(60), engine::available));
            engine.close();
            acceptor.interrupt();
        } finally {
            for (SocketChannel c : held) c.close();
        }
    }
}
