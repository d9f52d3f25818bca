package io.bacalao.domain.auth;

import java.util.Collection;
import java.util.Map;

/**
 * The entry-point authoriser's rules ({@code pkg/authz/capabilities.go}): a route's resource type by the longest
 * matching path prefix, the action a request needs (GET reads, any other method writes) and whether a user's
 * actions grant it (the action itself, {@code read:*} for reads, {@code write:*} for writes, or {@code *}).
 */
public final class Capabilities {
    /** What a route protects; {@link #OPEN} needs no credentials, {@link #OTHER} is any unlisted route. */
    public enum Resource { OPEN, AGENT, JOB, NODE, OTHER }

    private static final Map<String, Resource> PREFIXES = Map.of(
            "/api/v1/auth", Resource.OPEN,
            "/api/v1/version", Resource.OPEN,
            "/api/v1/agent", Resource.AGENT,
            "/api/v1/agent/alive", Resource.OPEN,
            "/api/v1/agent/version", Resource.OPEN,
            "/api/v1/agent/authconfig", Resource.OPEN,
            "/api/v1/orchestrator/jobs", Resource.JOB,
            "/api/v1/orchestrator/nodes", Resource.NODE);

    private Capabilities() {
    }

    /** The resource of a request path (plain prefix match, as Bacalhau's: /api/v1/authx is open too). */
    public static Resource resourceOf(String path) {
        String longest = "";
        Resource match = Resource.OTHER;
        for (Map.Entry<String, Resource> e : PREFIXES.entrySet()) {
            if (path.startsWith(e.getKey()) && e.getKey().length() > longest.length()) {
                longest = e.getKey();
                match = e.getValue();
            }
        }
        return match;
    }

    /** The action a request needs; an unlisted route needs {@code write:node} (Bacalhau's "node admin for safety"). */
    public static String required(Resource resource, String method) {
        boolean read = "GET".equals(method);
        return switch (resource) {
            case AGENT -> read ? "read:agent" : "write:agent";
            case JOB -> read ? "read:job" : "write:job";
            case NODE -> read ? "read:node" : "write:node";
            default -> "write:node";
        };
    }

    /** Whether {@code actions} grant {@code required}. */
    public static boolean allows(Collection<String> actions, String required) {
        if (required == null || required.isEmpty()) return false;
        boolean read = required.startsWith("read:");
        for (String a : actions) {
            if (a.equals("*") || a.equals(required)) return true;
            if (read && a.equals("read:*")) return true;
            if (!read && a.equals("write:*")) return true;
        }
        return false;
    }
}
