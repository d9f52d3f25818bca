package io.bacalao.orchestrator.api;

import java.util.List;
import java.util.Locale;

/**
 * Strict readers of query parameters: every value is range-checked here so that a bad one is a 400 with a message
 * naming the parameter, never a 404 from the framework's converters nor a 500 from an overflow further down.
 * <p>
 * Bacalhau binds {@code limit} as a uint32 and treats 0 as "no limit"; Bacalao bounds every page instead:
 * {@code limit} is 0 (= the default page) or 1…{@link #MAX_LIMIT}, anything larger or negative is refused,
 * not clamped, so a client learns at once that it must page with {@code next_token}.
 */
public final class QueryParams {
    /** Largest page a list route returns: bounds the memory and time of one answer. */
    public static final int MAX_LIMIT = 1000;
    /** Longest value of a free-text parameter (namespace, IDs, order_by, event_type…), in characters. */
    public static final int MAX_TEXT = 256;
    /** Longest label selector (all {@code labels} parameters together), in characters. */
    public static final int MAX_SELECTOR = 4096;
    /** Longest paging token, in characters (a real one is well under 100). */
    public static final int MAX_TOKEN = 512;

    private QueryParams() {
    }

    /** A page size: absent or 0 → {@code whenAbsent}; otherwise 1…{@link #MAX_LIMIT}. */
    public static int limit(String value, int whenAbsent) {
        if (blank(value)) return whenAbsent;
        long n = integer("limit", value);
        if (n < 0 || n > MAX_LIMIT) {
            throw new BadParameterException("invalid limit: " + shorten(value) + " (use 1 to " + MAX_LIMIT
                    + " and page with next_token)");
        }
        return n == 0 ? whenAbsent : (int) n;
    }

    /** A count that may not be negative (since in Unix seconds, job_version…); absent → 0. */
    public static long nonNegative(String name, String value) {
        if (blank(value)) return 0;
        long n = integer(name, value);
        if (n < 0) throw new BadParameterException("invalid " + name + ": " + shorten(value) + " (must be >= 0)");
        return n;
    }

    /** A boolean as Go's strconv.ParseBool reads it; a parameter given without a value is true. */
    public static boolean bool(String name, String value) {
        if (value == null) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw new BadParameterException("invalid " + name + ": " + shorten(value) + " (use true or false)");
        };
    }

    /** A free-text value of at most {@link #MAX_TEXT} characters without control characters; absent → null. */
    public static String text(String name, String value) {
        return text(name, value, MAX_TEXT);
    }

    public static String text(String name, String value, int max) {
        if (value == null) return null;
        if (value.length() > max) {
            throw new BadParameterException("invalid " + name + ": longer than " + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameterException("invalid " + name + ": control characters are not allowed");
        }
        return value;
    }

    /** Repeated {@code labels} parameters, bounded in total length before they reach the selector parser. */
    public static List<String> labels(List<String> values) {
        if (values == null) return List.of();
        int total = 0;
        for (String v : values) {
            total += v == null ? 0 : v.length();
            text("labels", v, MAX_SELECTOR);
        }
        if (total > MAX_SELECTOR) {
            throw new BadParameterException("invalid labels: longer than " + MAX_SELECTOR + " characters");
        }
        return values;
    }

    private static long integer(String name, String value) {
        String v = value.trim();
        if (v.length() > 19 || !v.matches("[+-]?\\d+")) {
            throw new BadParameterException("invalid " + name + ": " + shorten(value) + " (not a whole number in range)");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadParameterException("invalid " + name + ": " + shorten(value) + " (not a whole number in range)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The value as quoted back in an error message: at most 64 characters. */
    static String shorten(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
