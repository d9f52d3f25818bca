package io.bacalao.cli.spec;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code -i/--input} values (Bacalhau's {@code cmd/util/opts/storage_specconfig.go}): the shorthand {@code URI[:DST]}
 * or CSV fields {@code src=URI,dst=PATH,opt=KEY=VALUE}. DST defaults to {@value #DEFAULT_TARGET}; the Alias is the
 * source URI. In the shorthand the part after the last ':' is the destination only when it is an absolute path,
 * so {@code https://host:8080/x.py} keeps its port.
 */
public final class InputParser {
    public static final String DEFAULT_TARGET = "/inputs";
    static final String SYNTAX = "-i/--input takes URI[:DST] or src=URI,dst=PATH[,opt=KEY=VALUE...];"
            + " URI is ipfs://CID, http(s)://..., s3://BUCKET/KEY or file:///PATH";
    private static final Set<String> KEYS = Set.of("source", "src", "target", "dst", "destination", "opt", "option");

    private InputParser() {
    }

    /** Parses one value; throws CliException {@code invalid input "<value>": <why>}. */
    public static InputSource parse(String value) {
        try {
            return parseFields(value);
        } catch (IllegalArgumentException e) {
            throw FlagValues.invalid("input", value, e.getMessage(), SYNTAX);
        }
    }

    public static List<InputSource> parseAll(List<String> values) {
        return values.stream().map(InputParser::parse).toList();
    }

    private static InputSource parseFields(String value) {
        String source = null;
        String target = DEFAULT_TARGET;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> fields = CsvFields.split(value);
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            int eq = field.indexOf('=');
            String key = eq < 0 ? null : field.substring(0, eq).toLowerCase(Locale.ROOT);
            if (key != null && KEYS.contains(key)) {
                String val = field.substring(eq + 1);
                switch (key) {
                    case "source", "src" -> source = val;
                    case "target", "dst", "destination" -> target = val;
                    default -> putOption(options, val);
                }
            } else if (i == 0 && (key == null || field.indexOf("://") >= 0 && field.indexOf("://") < eq)) {
                String[] split = splitShorthand(field);
                source = split[0];
                if (split[1] != null) target = split[1];
            } else if (key == null) {
                throw new IllegalArgumentException("field \"" + field + "\" is not a KEY=VALUE pair");
            } else {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (expected src, dst or opt)");
            }
        }
        if (source == null || FlagValues.unquote(source).isEmpty()) {
            throw new IllegalArgumentException("missing source URI");
        }
        source = FlagValues.unquote(source);
        target = FlagValues.unquote(target);
        if (!target.startsWith("/")) throw new IllegalArgumentException("destination \"" + target + "\" must be an absolute path");
        return new InputSource(sourceSpec(source, options), source, target);
    }

    /** {@code [source, destination or null]}. */
    static String[] splitShorthand(String field) {
        int schemeEnd = field.indexOf("://");
        int from = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int colon = field.lastIndexOf(':');
        if (colon >= from && colon + 1 < field.length() && field.charAt(colon + 1) == '/') {
            return new String[]{field.substring(0, colon), field.substring(colon + 1)};
        }
        return new String[]{field, null};
    }

    private static void putOption(Map<String, String> options, String option) {
        int eq = option.indexOf('=');
        String k = eq < 0 ? option : option.substring(0, eq);
        if (k.isEmpty()) throw new IllegalArgumentException("option \"" + option + "\" has no key (expected opt=KEY=VALUE)");
        options.put(k, eq < 0 ? "" : option.substring(eq + 1));
    }

    private static SpecConfig sourceSpec(String uri, Map<String, String> options) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd <= 0) throw new IllegalArgumentException("missing scheme (expected ipfs://, http(s)://, s3:// or file://)");
        String scheme = uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = uri.substring(schemeEnd + 3);
        return switch (scheme) {
            case "ipfs" -> ipfs(rest, options);
            case "http", "https" -> url(uri, rest, options);
            case "s3" -> S3Options.input(rest, options);
            case "file" -> local(rest, options);
            case "git", "gitlfs" -> throw new IllegalArgumentException("unsupported type: " + scheme);
            default -> throw new IllegalArgumentException("unknown storage schema: " + scheme);
        };
    }

    private static SpecConfig ipfs(String rest, Map<String, String> options) {
        noOptions("ipfs", options);
        int slash = rest.indexOf('/');
        String cid = slash < 0 ? rest : rest.substring(0, slash);
        if (cid.isEmpty()) throw new IllegalArgumentException("missing CID (expected ipfs://CID)");
        return SpecConfig.of("ipfs", Map.of("CID", cid));
    }

    private static SpecConfig url(String uri, String rest, Map<String, String> options) {
        noOptions("urlDownload", options);
        if (rest.isEmpty() || rest.startsWith("/")) throw new IllegalArgumentException("missing host in URL");
        return SpecConfig.of("urlDownload", Map.of("URL", uri));
    }

    private static SpecConfig local(String rest, Map<String, String> options) {
        if (!rest.startsWith("/")) throw new IllegalArgumentException("local inputs need an absolute path (file:///PATH)");
        boolean readWrite = false;
        for (Map.Entry<String, String> o : options.entrySet()) {
            switch (o.getKey()) {
                case "rw", "read-write", "read_write", "readwrite" -> readWrite = parseBool(o.getValue());
                default -> throw new IllegalArgumentException("unknown option \"" + o.getKey() + "\" for local inputs (expected rw)");
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("SourcePath", rest);
        params.put("ReadWrite", readWrite);
        return SpecConfig.of("local", params);
    }

    private static void noOptions(String type, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option \"" + options.keySet().iterator().next() + "\" for " + type + " inputs");
        }
    }

    /** Go's strconv.ParseBool. */
    static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new IllegalArgumentException("read-write option \"" + s + "\" is not a boolean");
        };
    }
}
