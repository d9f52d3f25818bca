package io.bacalao.cli.launch;

import io.bacalao.cli.CliException;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.NodeSpec;
import io.bacalao.payara.WebUiListener;
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
                    "stop whatever uses it, or choose another " + (what.endsWith("Listen") ? "address with -c " + what + "=<host:port>" : "port with -c " + what + "=<port>"));
        }
    }

    /** The Web UI's listener of an orchestrator that serves one; a bad WebUI.Listen is a CLI error. */
    static java.util.Optional<WebUiListener> requireFreeWebUi(NodeSpec spec) {
        java.util.Optional<WebUiListener> ui;
        try {
            ui = WebUiListener.of(spec);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        ui.ifPresent(l -> requireFree(l.host(), l.port(), ConfigKeys.WEBUI_LISTEN));
        return ui;
    }

    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new CliException("cannot find a free port: " + e.getMessage());
        }
    }
}
