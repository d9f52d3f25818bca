package io.bacalao.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of an HTTP network's {@code Domains} allow-list (Bacalhau's {@code pkg/models/network.go}): a host name
 * ({@code example.com}), a wildcard that also matches every subdomain ({@code .example.com}, squid's syntax, or
 * {@code *.example.com}), or an IP address. Names are compared case-insensitively.
 */
public record DomainRule(String name, boolean withSubdomains) {
    private static final Pattern HOST = Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:]*:[0-9a-f:.]*");

    /** @throws IllegalArgumentException with Bacalhau's {@code invalid domain "…"} when it is none of the above */
    public static DomainRule parse(String entry) {
        String s = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        boolean wildcard = s.startsWith(".") || s.startsWith("*.");
        String name = wildcard ? s.substring(s.indexOf('.') + 1) : s;
        boolean valid = HOST.matcher(name).matches() || !wildcard && isIpLiteral(name);
        if (!valid) throw new IllegalArgumentException("invalid domain \"" + entry + "\"");
        return new DomainRule(name, wildcard);
    }

    /** An IPv4 address in dotted decimal, or an IPv6 address (hex groups and colons, no zone). */
    public static boolean isIpLiteral(String s) {
        if (IPV4.matcher(s).matches()) return true;
        if (!IPV6.matcher(s.toLowerCase(Locale.ROOT)).matches()) return false;
        try {
            java.net.InetAddress.getByName(s); // a string with a colon is parsed as an IPv6 literal, never looked up
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Whether a request to {@code host} (no port; an IPv6 address may be bracketed) is allowed by this rule. */
    public boolean matches(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return h.equals(name) || withSubdomains && h.endsWith("." + name);
    }
}
