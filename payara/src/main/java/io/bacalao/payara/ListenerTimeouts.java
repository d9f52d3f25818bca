package io.bacalao.payara;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the HTTP listener waits for a client (key {@code API.Limits.RequestTimeout}, default 30 s as
 * Bacalhau's request timeout): a connection idle that long, also one that sent half its headers and stalled, is
 * closed (Grizzly's idle filter, {@code http.timeout-seconds}), and a worker reading a body that stops arriving
 * gives up after the same time ({@code transport.read-timeout-millis}). Handlers themselves are not cut short
 * (Grizzly would interrupt the worker thread, which can break a database write half-way).
 */
public final class ListenerTimeouts {
    public static final String KEY = "API.Limits.RequestTimeout";
    static final long DEFAULT_SECONDS = 30;
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private ListenerTimeouts() {
    }

    /** The asadmin {@code set} commands for the node's configuration (text values by canonical key). */
    public static List<String> commands(Map<String, String> config) {
        long seconds = seconds(config.get(KEY));
        List<String> c = new ArrayList<>();
        c.add("set configs.config.server-config.network-config.protocols.protocol.http-listener.http.timeout-seconds="
                + seconds);
        c.add("set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis="
                + seconds * 1000);
        return c;
    }

    /** A Go-style duration ({@code 30s}, {@code 1m30s}, {@code 2500ms}) in whole seconds, at least 1; absent → 30. */
    static long seconds(String duration) {
        if (duration == null || duration.isBlank()) return DEFAULT_SECONDS;
        String d = duration.trim();
        Matcher m = PART.matcher(d);
        long millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
            end = m.end();
        }
        if (end != d.length() || end == 0) throw new IllegalArgumentException("invalid " + KEY + ": " + duration);
        return Math.max(1, (millis + 999) / 1000);
    }
}
