package io.bacalao.cli;

import io.bacalao.cli.client.ApiException;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.spec.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns every failure into {@code Error: …} on stderr and exit code 1; never a stack trace. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        switch (e) {
            case CliException c -> print(err, c.getMessage(), c.hint());
            case ApiException a -> print(err, a.getMessage(), a.error().hint());
            case SpecException s -> print(err, s.getMessage(), null);
            case ConfigException c -> print(err, c.getMessage(), null);
            default -> print(err, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        return 1;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        print(err, e.getMessage(), "see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        return 1;
    }

    private static void print(PrintWriter err, String message, String hint) {
        err.println("Error: " + message);
        if (hint != null && !hint.isBlank()) err.println("Hint: " + hint);
        err.flush();
    }
}
