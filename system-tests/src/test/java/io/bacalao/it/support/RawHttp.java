package io.bacalao.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** HTTP over a plain socket, for what a well-behaved client never sends: stalled requests, websocket handshakes. */
public final class RawHttp {
    private RawHttp() {
    }

    /** What came back before the server closed the connection (or {@code limit} passed), and how long that took. */
    public record Outcome(String received, boolean closedByServer, Duration after) {
        public String statusLine() {
            int end = received.indexOf("\r\n");
            return end < 0 ? received : received.substring(0, end);
        }
    }

    /**
     * Sends {@code text} and then nothing more; reads until the server closes the connection, {@code stopAt} is
     * seen in the answer (then the connection is dropped by us), or {@code limit} passes.
     */
    public static Outcome sendAndStall(String host, int port, String text, String stopAt, Duration limit) throws IOException {
        Instant start = Instant.now();
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout((int) limit.toMillis());
            s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    return new Outcome(got.toString(StandardCharsets.ISO_8859_1), false, Duration.between(start, Instant.now()));
                } catch (IOException reset) {
                    n = -1;
                }
                if (n < 0) return new Outcome(got.toString(StandardCharsets.ISO_8859_1), true, Duration.between(start, Instant.now()));
                got.write(buf, 0, n);
                if (stopAt != null && got.toString(StandardCharsets.ISO_8859_1).contains(stopAt)) {
                    return new Outcome(got.toString(StandardCharsets.ISO_8859_1), false, Duration.between(start, Instant.now()));
                }
            }
        }
    }

    /** A websocket opening handshake for {@code path}, with an Origin header unless {@code origin} is null. */
    public static String websocketHandshake(String host, int port, String path, String origin) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
    }
}
