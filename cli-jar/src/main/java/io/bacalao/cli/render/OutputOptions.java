package io.bacalao.cli.render;

import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Bacalhau's output flags: --output table|json|yaml, --pretty, --hide-header, --no-style, --wide. */
public class OutputOptions {
    @Option(names = "--output", defaultValue = "table", description = "Output format: table, json or yaml.")
    String output = "table";

    @Option(names = "--pretty", description = "Indent JSON output.")
    boolean pretty;

    @Option(names = "--hide-header", description = "Do not print the table header.")
    boolean hideHeader;

    @Option(names = "--no-style", description = "Plain table output (tables are always plain here).")
    boolean noStyle;

    @Option(names = "--wide", description = "Do not cut long table cells.")
    boolean wide;

    public OutputOptions() {
    }

    public static OutputOptions defaults(String format) {
        OutputOptions o = new OutputOptions();
        o.output = format;
        return o;
    }

    public String format() {
        String f = output == null ? "table" : output.toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("json") && !f.equals("yaml") && !f.equals("csv")) {
            throw new CliException("invalid output format '" + output + "': use table, json or yaml");
        }
        return f;
    }

    public boolean isTable() {
        return format().equals("table") || format().equals("csv");
    }

    public boolean hideHeader() {
        return hideHeader;
    }

    public boolean wide() {
        return wide;
    }

    /** Prints an API object as JSON or YAML; returns false when the format is a table. */
    public boolean printStructured(PrintWriter out, Object value) {
        switch (format()) {
            case "json" -> out.println(pretty ? Json.writePretty(value) : Json.write(value));
            case "yaml" -> out.print(Json.writeYaml(value));
            default -> {
                return false;
            }
        }
        out.flush();
        return true;
    }
}
