package io.bacalao.cli.auth;

import io.bacalao.cli.CliException;
import io.bacalao.domain.auth.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bacalao auth hash-password}: a bcrypt hash (cost 12, {@code $2a$}) of a password for
 * {@code API.Auth.Users}, as Bacalhau's ({@code cmd/cli/auth/hash_password.go}): asked without echo on a terminal,
 * else the first line of stdin; empty or longer than 100 characters is an error.
 */
@Command(name = "hash-password", description = "Hash a password using bcrypt (read from the terminal, or stdin).")
public class HashPasswordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String password;
        Console console = System.console();
        if (isTerminal(console)) {
            char[] typed = console.readPassword("Enter password: ");
            password = typed == null ? "" : new String(typed);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) throw new CliException("failed to read password from stdin: EOF");
            password = line.strip();
        }
        if (password.isEmpty()) throw new CliException("password cannot be empty");
        if (password.length() > PasswordHashes.MAX_HASHED_LENGTH) {
            throw new CliException("password exceeds maximum length of " + PasswordHashes.MAX_HASHED_LENGTH + " characters");
        }
        spec.commandLine().getOut().println(PasswordHashes.hash(password));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Whether stdin and stdout are a terminal. From JDK 22 {@link System#console()} is not null when they are
     * redirected and {@code Console.isTerminal()} (22+, hence looked up: the build targets 21) tells.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }
}
