package io.bacalao.cli.spec;

import io.bacalao.domain.model.ResultPath;
import java.util.List;

/**
 * {@code -o/--output NAME:PATH}: a result folder published under NAME, mounted at the absolute PATH in the task.
 * {@code NAME=PATH} (Bacalhau's older form) is accepted too.
 */
public final class OutputParser {
    static final String SYNTAX = "-o/--output takes NAME:PATH, e.g. -o outputs:/outputs";

    private OutputParser() {
    }

    /** Parses one value; throws CliException {@code invalid output "<value>": <why>}. */
    public static ResultPath parse(String value) {
        int sep = separator(value);
        if (sep < 0) {
            throw FlagValues.invalid("output", value, "missing path: give NAME:PATH, e.g. " + value.trim() + ":/outputs", SYNTAX);
        }
        String name = value.substring(0, sep).trim();
        String path = value.substring(sep + 1).trim();
        if (name.isEmpty()) throw FlagValues.invalid("output", value, "missing name before the path", SYNTAX);
        if (path.isEmpty()) throw FlagValues.invalid("output", value, "missing path after the name", SYNTAX);
        if (!path.startsWith("/")) throw FlagValues.invalid("output", value, "path \"" + path + "\" must be absolute", SYNTAX);
        return new ResultPath(name, path);
    }

    public static List<ResultPath> parseAll(List<String> values) {
        return values.stream().map(OutputParser::parse).toList();
    }

    private static int separator(String value) {
        int colon = value.indexOf(':');
        int eq = value.indexOf('=');
        if (colon < 0) return eq;
        if (eq < 0) return colon;
        return Math.min(colon, eq);
    }
}
