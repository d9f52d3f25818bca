package io.bacalao.orchestrator.webui;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Web UI as this orchestrator serves it (docs/webui.md): the port of its listener (0 when {@code WebUI.Enabled}
 * is false) and the API origin its pages call ({@code WebUI.Backend}; empty = their own origin, since the UI
 * listener answers the API too). The Content-Security-Policy allows scripts, styles and images from the UI itself
 * and connections only to that API.
 */
public record WebUiSettings(int port, String backend) {

    public WebUiSettings {
        backend = origin(backend);
    }

    public static WebUiSettings from(Config c) {
        if (!c.getBool(ConfigKeys.WEBUI_ENABLED)) return new WebUiSettings(0, "");
        String listen = c.get(ConfigKeys.WEBUI_LISTEN);
        int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1).trim());
        return new WebUiSettings(port, c.get(ConfigKeys.WEBUI_BACKEND));
    }

    public static WebUiSettings configured() {
        return Holder.SETTINGS;
    }

    public boolean enabled() {
        return port > 0;
    }

    /** The policy of every UI response: nothing inline, nothing from elsewhere, no framing. */
    public String contentSecurityPolicy() {
        String connect = backend.isEmpty() ? "'self'"
                : "'self' " + backend + " " + backend.replaceFirst("^http", "ws");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src " + connect
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** {@code scheme://host[:port]} of an http(s) URL, lower-cased, without path; empty stays empty. */
    static String origin(String url) {
        if (url == null || url.isBlank()) return "";
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(url);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) throw invalid(url);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("invalid " + ConfigKeys.WEBUI_BACKEND + " '" + url
                + "': expected the API's http(s)://host[:port]");
    }

    private static final class Holder {
        static final WebUiSettings SETTINGS = from(Config.from(key -> ConfigProvider.getConfig()
                .getOptionalValue(key, String.class).orElse(null)));
    }
}
