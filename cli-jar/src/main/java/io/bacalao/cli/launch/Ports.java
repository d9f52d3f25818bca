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
public final class Ports {
    private Ports() {
    }

    static void requireFree(String host, int port, String what) {
        if (!isFree(host, port)) {
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

    /** Lowest port a random choice takes. */
    static final int RANDOM_LOWEST = 20_000;
    /**
     * First port a random choice never takes: Linux's ephemeral range starts at 32768 (ip_local_port_range). A
     * listener's port inside it can be taken before the listener binds by any outgoing connection, including one to
     * that very port while nothing listens there yet (TCP self-connect): a compute node retrying the orchestrator's
     * broker during start-up once held the broker's own port that way, and the broker came up without a listener.
     */
    static final int RANDOM_END = 32_000;

    /**
     * The first of {@code count} consecutive ports that are free on {@code host} now, from a random start in
     * [{@link #RANDOM_LOWEST}, {@link #RANDOM_END}) ({@code devstack --random-ports}); a later bind may still lose a
     * race, which the start-up checks then report.
     */
    public static int freeRun(String host, int count, java.util.random.RandomGenerator random) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = RANDOM_LOWEST + random.nextInt(RANDOM_END - RANDOM_LOWEST - count);
            if (java.util.stream.IntStream.range(first, first + count).allMatch(p -> isFree(host, p))) return first;
        }
        throw new CliException("cannot find " + count + " free consecutive ports on " + host);
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
