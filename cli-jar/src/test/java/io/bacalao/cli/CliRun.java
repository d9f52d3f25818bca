package io.bacalao.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the {@code bacalao} command line: exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs against an orchestrator at 127.0.0.1:{@code port}; the API flags come right after the command path. */
    public static CliRun against(int port, List<String> commandPath, String... args) {
        List<String> all = new ArrayList<>(commandPath);
        all.addAll(List.of("--api-host", "127.0.0.1", "--api-port", String.valueOf(port)));
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }
}
