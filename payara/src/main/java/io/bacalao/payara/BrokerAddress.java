package io.bacalao.payara;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The broker a node talks to, seen two ways: as an Artemis URL ({@code tcp://host:port?key=value&…}) for the
 * node's outbound client, and as the resource adapter's {@code ConnectionParameters} ({@code host=…;port=…;key=value})
 * for its inbound message-driven beans. {@code params} are Netty transport parameters (e.g. {@code sslEnabled},
 * {@code trustStorePath}, {@code trustStoreType}); {@code token} is the password (empty = none).
 */
public record BrokerAddress(String host, int port, Map<String, String> params, String token) {
    public static final int DEFAULT_PORT = 4222;

    /** Over TLS the client checks that the broker's certificate names the host it connects to, unless params say
     *  {@code verifyHost=false}. */
    public BrokerAddress {
        Map<String, String> p = new LinkedHashMap<>(params == null ? Map.of() : params);
        if ("true".equalsIgnoreCase(p.get("sslEnabled"))) p.putIfAbsent("verifyHost", "true");
        params = java.util.Collections.unmodifiableMap(p);
        token = token == null ? "" : token;
    }

    /**
     * Parses {@code [scheme://]host[:port][?k=v(&|;)k=v]}; the scheme (tcp, nats, …) is ignored, a missing port is
     * {@value #DEFAULT_PORT}. Throws IllegalArgumentException with the text when it is not an address.
     */
    public static BrokerAddress parse(String address, String token) {
        String s = address == null ? "" : address.trim().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
        Map<String, String> params = new LinkedHashMap<>();
        int q = s.indexOf('?');
        if (q >= 0) {
            for (String kv : s.substring(q + 1).split("[&;]")) {
                if (kv.isBlank()) continue;
                int eq = kv.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("bad broker URL parameter '" + kv + "' in " + address);
                params.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
            s = s.substring(0, q);
        }
        s = s.replaceAll("/+$", "");
        int colon = s.lastIndexOf(':');
        String host = colon > 0 ? s.substring(0, colon) : s;
        if (host.isBlank()) throw new IllegalArgumentException("no host in broker address '" + address + "'");
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(s.substring(colon + 1)) : DEFAULT_PORT;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in broker address '" + address + "'");
        }
        return new BrokerAddress(host, port, params, token);
    }

    /**
     * The same broker over TLS: {@code sslEnabled=true}, trusting the PEM certificates in {@code trustPem} (a CA
     * or the server's own certificate); with no file, the JVM's default trust store decides. The client checks that
     * the broker's certificate names the host it connects to (see the constructor).
     */
    public BrokerAddress withTls(String trustPem) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("sslEnabled", "true");
        if (trustPem != null && !trustPem.isBlank()) {
            p.put("trustStorePath", trustPem.trim());
            p.put("trustStoreType", "PEM");
        }
        return new BrokerAddress(host, port, p, token);
    }

    /** The same broker with one transport parameter set. */
    public BrokerAddress with(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new BrokerAddress(host, port, p, token);
    }

    /** The same broker, logging in with another password. */
    public BrokerAddress withToken(String password) {
        return new BrokerAddress(host, port, params, password);
    }

    public boolean tls() {
        return "true".equalsIgnoreCase(params.get("sslEnabled"));
    }

    /** {@code tcp://host:port} plus the parameters as a query. */
    public String url() {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> q.add(k + "=" + v));
        return "tcp://" + host + ":" + port + q;
    }

    /** The resource adapter's ConnectionParameters: {@code host=…;port=…;k=v}. */
    public String connectionParameters() {
        StringJoiner j = new StringJoiner(";");
        j.add("host=" + host).add("port=" + port);
        params.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
