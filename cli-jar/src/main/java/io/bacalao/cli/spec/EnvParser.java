package io.bacalao.cli.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e/--env NAME=VALUE} (and {@code -l/--labels KEY=VALUE}): split at the first '='; the value may hold
 * further '=' and commas. Name rules (upper case, no BACALHAU_ prefix) are the server's and are checked by the
 * job validator, not here. A later value for the same name wins.
 */
public final class EnvParser {
    static final String SYNTAX = "-e/--env takes NAME=VALUE, e.g. -e GREETING=hello";

    private EnvParser() {
    }

    /** Parses one value into a one-entry map; throws CliException {@code invalid env "<value>": <why>}. */
    public static Map.Entry<String, String> parse(String value) {
        return parse("env", value, SYNTAX);
    }

    public static Map<String, String> parseAll(List<String> values) {
        return parseAll("env", values, SYNTAX);
    }

    /** KEY=VALUE pairs of any flag, reported as {@code invalid <what> "<value>"}. */
    public static Map<String, String> parseAll(String what, List<String> values, String syntax) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String v : values) {
            Map.Entry<String, String> e = parse(what, v, syntax);
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    private static Map.Entry<String, String> parse(String what, String value, String syntax) {
        int eq = value.indexOf('=');
        if (eq < 0) throw FlagValues.invalid(what, value, "expected NAME=VALUE", syntax);
        String name = value.substring(0, eq).trim();
        if (name.isEmpty()) throw FlagValues.invalid(what, value, "missing name before '='", syntax);
        return Map.entry(name, value.substring(eq + 1));
    }
}
