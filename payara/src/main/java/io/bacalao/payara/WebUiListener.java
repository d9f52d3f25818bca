package io.bacalao.payara;

import java.util.List;
import java.util.Optional;

/**
 * Where an orchestrator serves its Web UI ({@code WebUI.Enabled}, {@code WebUI.Listen}; docs/webui.md): a second
 * Payara listener, Payara's otherwise unused {@code https-listener} rebound to that address and speaking the API
 * listener's protocol (plain HTTP, or TLS when {@code API.TLS} is set). The orchestrator application answers on
 * both listeners, so the UI and the API it calls share one origin.
 */
public record WebUiListener(String host, int port) {
    public static final String ENABLED = "WebUI.Enabled";
    public static final String LISTEN = "WebUI.Listen";
    static final String DEFAULT_LISTEN = "0.0.0.0:8438";
    private static final String LISTENER = "configs.config.server-config.network-config.network-listeners"
            + ".network-listener.https-listener.";

    /** The UI listener of a node: only an orchestrator with {@code WebUI.Enabled} true has one. */
    public static Optional<WebUiListener> of(NodeSpec spec) {
        if (!spec.orchestrator() || !Boolean.parseBoolean(spec.config().getOrDefault(ENABLED, "false"))) {
            return Optional.empty();
        }
        return Optional.of(parse(spec.config().getOrDefault(LISTEN, DEFAULT_LISTEN)));
    }

    /** {@code host:port}, {@code [v6]:port} or {@code :port} (all interfaces); throws with the key's name on anything else. */
    public static WebUiListener parse(String listen) {
        String text = listen == null || listen.isBlank() ? DEFAULT_LISTEN : listen.trim();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid " + LISTEN + " '" + listen + "': expected host:port, e.g. "
                    + DEFAULT_LISTEN);
        }
        return new WebUiListener(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    /** Pre-boot commands binding the listener; {@code tls} when the API listener speaks TLS. */
    public List<String> preBootCommands(boolean tls) {
        return List.of("set " + LISTENER + "enabled=true", "set " + LISTENER + "address=" + host,
                "set " + LISTENER + "port=" + port, "set " + LISTENER + "protocol=" + (tls ? "https-listener" : "http-listener"));
    }

    /** The address a browser on this machine opens ({@code 0.0.0.0} becomes loopback). */
    public String url(String scheme) {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port + "/";
    }
}
