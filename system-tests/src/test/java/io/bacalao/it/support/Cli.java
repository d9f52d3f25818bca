package io.bacalao.it.support;

import io.bacalao.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code bacalao} commands in-process against a cluster and captures what they print. */
public final class Cli {
    private final String host;
    private final int port;

    public Cli(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public Result run(String... args) {
        List<String> full = new ArrayList<>(List.of("--api-host", host, "--api-port", String.valueOf(port)));
        full.addAll(List.of(args));
        return runRaw(full.toArray(String[]::new));
    }

    /** Runs a command whose stdout goes to {@code out} as it is printed (err is captured). */
    public static Result runInto(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(out, new PrintWriter(err, true), args);
        return new Result(code, "", err.toString());
    }

    public static Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
