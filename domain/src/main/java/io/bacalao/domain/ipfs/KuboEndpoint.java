package io.bacalao.domain.ipfs;

import java.net.URI;
import java.util.Locale;

/**
 * Where a Kubo RPC API listens, from Bacalhau's config value ({@code InputSources.Types.IPFS.Endpoint} and its
 * siblings): a multiaddress such as {@code /ip4/127.0.0.1/tcp/5001} (also {@code /ip6}, {@code /dns}, {@code /dns4},
 * {@code /dns6}, with an optional {@code /http}, {@code /tls/http} or {@code /https} tail) or a URL such as
 * {@code http://127.0.0.1:5001}. {@link #base()} is the URL the {@code /api/v0/...} paths go under.
 */
public record KuboEndpoint(URI base) {
    private static final String EXPECTED =
            "expected a multiaddress such as /ip4/127.0.0.1/tcp/5001 or a URL such as http://127.0.0.1:5001";

    /** @throws IllegalArgumentException naming the value and the two accepted forms */
    public static KuboEndpoint parse(String value) {
        String v = value == null ? "" : value.strip();
        try {
            if (v.startsWith("/")) return fromMultiaddress(v);
            URI uri = URI.create(v.contains("://") ? v : "http://" + v);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) throw new IllegalArgumentException();
            return new KuboEndpoint(URI.create(scheme + "://" + uri.getRawAuthority()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IPFS endpoint \"" + v + "\": " + EXPECTED);
        }
    }

    private static KuboEndpoint fromMultiaddress(String v) {
        String[] p = v.substring(1).split("/");
        if (p.length < 4 || !p[2].equals("tcp")) throw new IllegalArgumentException();
        String host = switch (p[0]) {
            case "ip4", "dns", "dns4", "dns6" -> p[1];
            case "ip6" -> "[" + p[1] + "]";
            default -> throw new IllegalArgumentException();
        };
        int port = Integer.parseInt(p[3]);
        if (port <= 0 || port > 65535) throw new IllegalArgumentException();
        String tail = String.join("/", java.util.Arrays.copyOfRange(p, 4, p.length));
        String scheme = switch (tail) {
            case "", "http" -> "http";
            case "https", "tls/http" -> "https";
            default -> throw new IllegalArgumentException();
        };
        return new KuboEndpoint(URI.create(scheme + "://" + host + ":" + port));
    }

    /** The URL of an RPC command, e.g. {@code add}, with its query already encoded. */
    URI command(String name, String query) {
        return URI.create(base + "/api/v0/" + name + (query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
