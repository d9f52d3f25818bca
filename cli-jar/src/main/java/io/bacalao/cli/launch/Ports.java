package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks before launching: Payara hangs instead of failing when a port is taken. */
final class Ports {
    private Ports() {
    }

    static void requireFree(String host, int port, String what) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new CliException("port " + port + " (" + what + ") on " + host + " is already in use",
                    "stop whatever uses it, or choose another port with -c " + what + "=<port>");
        }
    }

    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new CliException("cannot find a free port: " + e.getMessage());
        }
    }
}
