package io.bacalao.cli.launch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.FakeOrchestrator;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** devstack's one line about Docker: yes when an engine answers _ping, otherwise why not and what to do. */
class DockerCheckTest {
    @TempDir
    Path tmp;

    @Test
    void noSocketMeansNoEngineWithHowToStartOne() {
        DockerCheck.Result r = DockerCheck.run(Map.of("DOCKER_HOST", "unix://" + tmp.resolve("docker.sock")));
        assertFalse(r.available());
        assertTrue(r.message().startsWith("Docker jobs: no, no Docker engine is running ("), r.message());
        assertTrue(r.message().contains("apt-get install -y docker.io, then dockerd &"), r.message());
    }

    @Test
    void anEngineThatAnswersPingMeansYes() throws Exception {
        try (Engine engine = new Engine(tmp.resolve("ok.sock"), "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK")) {
            DockerCheck.Result r = DockerCheck.run(Map.of("DOCKER_HOST", "unix://" + engine.socket));
            assertTrue(r.available(), r.message());
            assertTrue(r.message().startsWith("Docker jobs: yes"), r.message());
        }
    }

    @Test
    void anEngineThatAnswersAnErrorMeansNoWithItsAnswer() throws Exception {
        try (Engine engine = new Engine(tmp.resolve("bad.sock"), "HTTP/1.1 500 Internal Server Error\r\n\r\n")) {
            DockerCheck.Result r = DockerCheck.run(Map.of("DOCKER_HOST", "unix://" + engine.socket));
            assertFalse(r.available());
            assertTrue(r.message().contains("answered: HTTP/1.1 500 Internal Server Error"), r.message());
        }
    }

    @Test
    void aTcpEngineIsAskedOverHttp() throws IOException {
        try (FakeOrchestrator engine = new FakeOrchestrator()) {
            engine.json("GET", "/_ping", "OK");
            assertTrue(DockerCheck.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.port())).available());
        }
        DockerCheck.Result refused = DockerCheck.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"));
        assertFalse(refused.available());
        assertTrue(refused.message().contains("no answer from tcp://127.0.0.1:1"), refused.message());
    }

    /** A one-answer Docker engine on a unix socket. */
    private static final class Engine implements AutoCloseable {
        final Path socket;
        private final ServerSocketChannel server;

        Engine(Path socket, String answer) throws IOException {
            this.socket = socket;
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofVirtual().start(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(1024));
                    c.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
                } catch (IOException closed) {
                    // the test ended
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
