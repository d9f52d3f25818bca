package io.bacalao.cli.profile;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalao profile …}: Bacalhau's CLI connection profiles (endpoint, TLS, token) kept in
 * {@code <DataDir>/profiles}; the one in use is chosen by {@code --profile}, {@code BACALAO_PROFILE} or
 * {@code BACALHAU_PROFILE}, else the selected one ({@code profile select}).
 */
@Command(name = "profile", description = "Manage CLI connection profiles for Bacalhau clusters.")
public class ProfileCommand {

    abstract static class StoreCommand extends ClientCommand {
        ProfileStore store() {
            return new ProfileStore(dataDir());
        }
    }

    @Command(name = "save", description = "Create or update a profile.")
    public static class Save extends StoreCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--endpoint", description = "API endpoint (host:port or full URL).")
        String endpoint;

        @Option(names = "--description", description = "Profile description.")
        String description;

        @Option(names = "--timeout", description = "Request timeout (e.g. 30s, 1m).")
        String timeout;

        @Option(names = "--select", description = "Set as current profile after saving.")
        boolean select;

        @Override
        protected void execute() {
            ProfileStore store = store();
            Profile p;
            if (store.exists(name)) {
                p = store.load(name);
            } else if (endpoint == null || endpoint.isBlank()) {
                throw new CliException("endpoint is required when creating a new profile");
            } else {
                p = new Profile(endpoint, "", "", "", false);
            }
            if (endpoint != null && !endpoint.isBlank()) p = p.withEndpoint(endpoint);
            if (description != null && !description.isEmpty()) p = p.withDescription(description);
            if (timeout != null && !timeout.isEmpty()) p = p.withTimeout(timeout);
            if (root().insecureFlag()) p = p.withInsecure(true); // the global --insecure: skip TLS verification
            store.save(name, p);
            out().println("Profile \"" + name + "\" saved");
            if (select) {
                store.select(name);
                out().println("Switched to profile \"" + name + "\"");
            }
        }
    }

    @Command(name = "list", description = "List profiles; * marks the current one.")
    public static class ListProfiles extends StoreCommand {
        @Mixin
        OutputOptions output;

        @Override
        protected void execute() {
            ProfileStore store = store();
            List<String> names = store.names();
            if (names.isEmpty() && output.isTable()) {
                out().println("No profiles found");
                return;
            }
            String current = store.current().orElse("");
            List<Map<String, Object>> entries = new ArrayList<>();
            for (String name : names) {
                Profile p = store.load(name);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("current", name.equals(current) ? "*" : "");
                e.put("name", name);
                e.put("endpoint", p.endpoint());
                e.put("auth", p.token().isEmpty() ? "" : "token");
                entries.add(e);
            }
            if (output.printStructured(out(), entries)) return;
            Table t = new Table(List.of("Current", "Name", "Endpoint", "Auth"));
            for (Map<String, Object> e : entries) t.row(e.get("current"), e.get("name"), e.get("endpoint"), e.get("auth"));
            t.print(out(), output);
        }
    }

    @Command(name = "select", description = "Set the current profile.")
    public static class Select extends StoreCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        protected void execute() {
            store().select(name);
            out().println("Switched to profile \"" + name + "\"");
        }
    }

    @Command(name = "show", description = "Show a profile (the current one when no name is given).")
    public static class Show extends StoreCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
        String name;

        @Option(names = "--show-token", description = "Show the full token (default: redacted).")
        boolean showToken;

        @Override
        protected void execute() {
            ProfileStore store = store();
            String current = store.current().orElse("");
            String shown = name != null ? name : current;
            if (shown.isEmpty()) throw new CliException("no current profile set", "bacalao profile select NAME");
            Profile p = store.load(shown);
            String auth = p.token().isEmpty() ? "none" : "token (" + (showToken ? p.token() : redact(p.token())) + ")";
            out().println("Name:        " + shown + (shown.equals(current) ? " (current)" : ""));
            out().println("Endpoint:    " + p.endpoint());
            out().println("Auth:        " + auth);
            out().println("TLS:         " + (p.insecure() ? "insecure" : "secure"));
            out().println("Timeout:     " + (p.timeout().isEmpty() ? "30s" : p.timeout()));
            if (!p.description().isEmpty()) out().println("Description: " + p.description());
        }

        /** Bacalhau's redaction: the first and last 4 characters of a token longer than 8, else only stars. */
        static String redact(String token) {
            return token.length() <= 8 ? "****" : token.substring(0, 4) + "****" + token.substring(token.length() - 4);
        }
    }

    @Command(name = "delete", description = "Delete a profile.")
    public static class Delete extends StoreCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = {"-f", "--force"}, description = "Skip confirmation for the current profile.")
        boolean force;

        @Override
        protected void execute() throws IOException {
            ProfileStore store = store();
            store.load(name);
            if (store.current().filter(name::equals).isPresent() && !force) {
                err().print("Profile \"" + name + "\" is the current profile. Delete anyway? [y/N]: ");
                err().flush();
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT))) {
                    out().println("Deletion cancelled");
                    return;
                }
            }
            store.delete(name);
            out().println("Profile \"" + name + "\" deleted");
        }
    }
}
