package io.bacalao.cli.spec;

import io.bacalao.cli.CliException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code job run}'s templating, as Bacalhau's {@code pkg/lib/template/parser.go}: the spec is a Go text/template
 * executed over a map of variables with {@code missingkey=error}, so {@code {{.name}}} is replaced by the value and
 * a name without a value is an error (Go templates have no defaults). Variables are the {@code -V KEY=VALUE} pairs
 * plus the environment variables whose name matches the {@code -E} regular expression ({@code *} means all);
 * a {@code -V} value wins over the environment's.
 *
 * <p>Of Go's template language this knows what a job spec needs: {@code {{.name}}}, string literals
 * ({@code {{"{{"}}} writes braces), Go's comments and the trim markers {@code {{- } and {@code  -}}}. Any other action (pipelines, functions, {@code if}, {@code range}) is refused
 * with an error naming it rather than executed differently from Bacalhau.
 */
public final class SpecTemplate {
    private static final String SYNTAX = "-V KEY=VALUE[,KEY=VALUE…] (repeatable)";
    private static final Pattern FIELD = Pattern.compile("\\.([\\p{L}_][\\p{L}\\p{N}_]*)");

    private final Map<String, String> vars;

    private SpecTemplate(Map<String, String> vars) {
        this.vars = vars;
    }

    /**
     * The {@code -V/--template-vars} values as pflag's string-to-string flag reads them: each occurrence is a CSV
     * record of {@code KEY=VALUE} fields (so {@code -V a=1,b=2} sets two); a later key wins.
     */
    public static Map<String, String> variables(List<String> flagValues) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String value : flagValues) {
            if (value.isEmpty()) continue;
            List<String> fields;
            try {
                fields = CsvFields.split(value);
            } catch (IllegalArgumentException e) {
                throw FlagValues.invalid("--template-vars", value, e.getMessage(), SYNTAX);
            }
            for (String field : fields) {
                int eq = field.indexOf('=');
                if (eq < 0) throw FlagValues.invalid("--template-vars", value, field + " must be formatted as key=value", SYNTAX);
                vars.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        return vars;
    }

    /**
     * The variables of {@code -V} pairs and of the environment entries matching {@code envPattern} (unanchored, as
     * Go's {@code MatchString}; null or empty: none).
     */
    public static SpecTemplate of(Map<String, String> templateVars, String envPattern, Map<String, String> env) {
        Map<String, String> vars = new LinkedHashMap<>(templateVars);
        if (envPattern != null && !envPattern.isEmpty()) {
            Pattern p;
            try {
                p = Pattern.compile(envPattern.equals("*") ? ".*" : envPattern);
            } catch (PatternSyntaxException e) {
                throw new CliException("failed to create template parser: invalid --template-envs pattern "
                        + envPattern + ": " + e.getDescription());
            }
            env.forEach((k, v) -> {
                if (p.matcher(k).find()) vars.putIfAbsent(k, v);
            });
        }
        return new SpecTemplate(vars);
    }

    /** The spec with every action executed; a template error is a {@link CliException} in Bacalhau's words. */
    public String apply(String spec) {
        StringBuilder out = new StringBuilder(spec.length());
        int pos = 0;
        while (true) {
            int open = spec.indexOf("{{", pos);
            if (open < 0) {
                out.append(spec, pos, spec.length());
                return out.toString();
            }
            out.append(spec, pos, open);
            int start = open + 2;
            if (trimMarkerAt(spec, start)) {
                trimTrailingSpace(out);
                start += 2;
            }
            int close = closing(spec, start, open);
            int end = close;
            boolean trimAfter = close - 2 >= start && spec.charAt(close - 1) == '-' && isSpace(spec.charAt(close - 2));
            if (trimAfter) end = close - 2;
            out.append(execute(spec.substring(start, end), spec, start));
            pos = close + 2;
            if (trimAfter) {
                while (pos < spec.length() && isSpace(spec.charAt(pos))) pos++;
            }
        }
    }

    private String execute(String action, String spec, int at) {
        if (action.startsWith("/*")) {
            if (!action.endsWith("*/")) throw error(spec, at, "comment ends before closing delimiter");
            return "";
        }
        String a = action.strip();
        if (a.isEmpty()) throw error(spec, at, "missing value for command");
        var field = FIELD.matcher(a);
        if (field.matches()) {
            String value = vars.get(field.group(1));
            if (value == null) {
                int column = at + action.indexOf('.');
                throw new CliException("the job provided is invalid: failed to execute template: template: "
                        + position(spec, column) + ": executing \"\" at <" + a + ">: map has no entry for key \""
                        + field.group(1) + "\"");
            }
            return value;
        }
        if (a.length() >= 2 && a.startsWith("`") && a.endsWith("`") && a.indexOf('`', 1) == a.length() - 1) {
            return a.substring(1, a.length() - 1);
        }
        if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) return unquote(a, spec, at);
        throw error(spec, at, "unsupported action {{" + a + "}}: Bacalao templates substitute {{.name}}"
                + " (with -V name=value or -E) and string literals; use --no-template to send the spec as it is");
    }

    private static String unquote(String literal, String spec, int at) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c == '"') throw error(spec, at, "unexpected \" in string literal");
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (++i >= literal.length() - 1) throw error(spec, at, "unterminated quoted string");
            char e = literal.charAt(i);
            s.append(switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '\\', '"', '\'' -> e;
                default -> throw error(spec, at, "unsupported escape \\" + e + " in string literal");
            });
        }
        return s.toString();
    }

    /** Index of the {@code }}} that closes the action opened at {@code open}, skipping quoted text. */
    private static int closing(String spec, int from, int open) {
        char quote = 0;
        for (int i = from; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
                else if (c == '\n' && quote == '"') break;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '}' && i + 1 < spec.length() && spec.charAt(i + 1) == '}') {
                return i;
            }
        }
        throw error(spec, open, "unclosed action");
    }

    private static boolean trimMarkerAt(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '-' && isSpace(s.charAt(i + 1));
    }

    private static void trimTrailingSpace(StringBuilder out) {
        int n = out.length();
        while (n > 0 && isSpace(out.charAt(n - 1))) n--;
        out.setLength(n);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** A parse error: Go names the line only. */
    private static CliException error(String spec, int at, String what) {
        String position = position(spec, at);
        return new CliException("the job provided is invalid: failed to parse template: template: "
                + position.substring(0, position.lastIndexOf(':')) + ": " + what);
    }

    /** {@code :line:column} of an offset, 1-based line and 0-based byte column as Go's template errors. */
    private static String position(String spec, int at) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (spec.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return ":" + line + ":" + (at - lineStart);
    }
}
