package io.bacalao.cli.client;

import java.net.URI;

/**
 * Where the orchestrator's API is. {@code --api-host} may be a host or a URL ({@code https://host:port});
 * 0.0.0.0 means this machine.
 */
public record Endpoint(String scheme, String host, int port) {
    public static final int DEFAULT_PORT = 1234;

    public static Endpoint of(String host, Integer port) {
        String h = host == null || host.isBlank() ? "127.0.0.1" : host.trim();
        String scheme = "http";
        int p = port == null ? DEFAULT_PORT : port;
        if (h.startsWith("http://") || h.startsWith("https://")) {
            URI u = URI.create(h);
            scheme = u.getScheme();
            h = u.getHost();
            if (u.getPort() > 0 && port == null) p = u.getPort();
        }
        if (h.equals("0.0.0.0")) h = "127.0.0.1";
        return new Endpoint(scheme, h, p);
    }

    /** The same endpoint over https when {@code useTls} (docs/tls.md); unchanged otherwise. */
    public Endpoint withTls(boolean useTls) {
        return useTls && !tls() ? new Endpoint("https", host, port) : this;
    }

    public boolean tls() {
        return "https".equals(scheme);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(scheme + "://" + host + ":" + port + pathAndQuery);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
