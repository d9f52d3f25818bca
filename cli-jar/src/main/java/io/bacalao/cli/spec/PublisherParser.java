package io.bacalao.cli.spec;

import io.bacalao.domain.model.SpecConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -p/--publisher} values (Bacalhau's {@code cmd/util/opts/publisher_specconfig.go}): a bare type
 * ({@code ipfs}, {@code local}, {@code noop}, {@code s3managed}) or {@code s3://BUCKET/KEY} with
 * {@code ,opt=region=…,opt=endpoint=…}; CSV fields {@code dst=URI} and {@code opt=KEY=VALUE} are accepted too.
 */
public final class PublisherParser {
    static final String SYNTAX = "-p/--publisher takes ipfs, local, noop, s3managed or s3://BUCKET/KEY[,opt=region=R,opt=endpoint=URL]";

    private PublisherParser() {
    }

    /** Parses one value; throws CliException {@code invalid publisher "<value>": <why>}. */
    public static SpecConfig parse(String value) {
        try {
            return parseFields(value);
        } catch (IllegalArgumentException e) {
            throw FlagValues.invalid("publisher", value, e.getMessage(), SYNTAX);
        }
    }

    private static SpecConfig parseFields(String value) {
        String destination = null;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> fields = CsvFields.split(value);
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            int eq = field.indexOf('=');
            if (eq < 0) {
                if (i != 0) throw new IllegalArgumentException("field \"" + field + "\" is not a KEY=VALUE pair");
                destination = field;
                continue;
            }
            String val = field.substring(eq + 1);
            switch (field.substring(0, eq).toLowerCase(Locale.ROOT)) {
                case "target", "dst", "destination" -> destination = val;
                case "opt", "option" -> {
                    int oeq = val.indexOf('=');
                    String k = oeq < 0 ? val : val.substring(0, oeq);
                    if (k.isEmpty()) throw new IllegalArgumentException("option \"" + val + "\" has no key (expected opt=KEY=VALUE)");
                    options.put(k, oeq < 0 ? "" : val.substring(oeq + 1));
                }
                default -> throw new IllegalArgumentException("unknown key \"" + field.substring(0, eq) + "\" (expected dst or opt)");
            }
        }
        destination = destination == null ? "" : FlagValues.unquote(destination);
        if (destination.isEmpty()) throw new IllegalArgumentException("missing publisher type");
        int schemeEnd = destination.indexOf("://");
        String type = (schemeEnd < 0 ? destination : destination.substring(0, schemeEnd)).toLowerCase(Locale.ROOT);
        if (type.equals("s3")) {
            if (schemeEnd < 0) throw new IllegalArgumentException("the s3 publisher needs s3://BUCKET/KEY");
            return S3Options.publisher(destination.substring(schemeEnd + 3), options);
        }
        return switch (type) {
            case "ipfs", "local", "noop", "s3managed" -> {
                if (schemeEnd >= 0) throw new IllegalArgumentException("the " + type + " publisher takes no URI");
                if (!options.isEmpty()) {
                    throw new IllegalArgumentException("the " + type + " publisher takes no options");
                }
                yield SpecConfig.of(type);
            }
            default -> throw new IllegalArgumentException("unknown publisher type: " + type);
        };
    }
}
