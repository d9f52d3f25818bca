package io.bacalao.cli.auth.sso;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.spec.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bacalao auth sso …}: log in with the orchestrator's OAuth2 provider (device flow), docs/auth.md. */
@Command(name = "sso", description = "Single sign-on with the orchestrator's OAuth2/OIDC provider (device flow).")
public class SsoCommand {

    /** The endpoint a token is stored under: the API the CLI talks to. */
    static String endpoint(ClientCommand c) {
        return c.client().endpoint().uri("").toString();
    }

    static SsoTokens tokens(ClientCommand c) {
        return new SsoTokens(c.dataDir());
    }

    @Command(name = "login", description = "Log in through the provider's device flow and keep the token for this API.")
    public static class Login extends ClientCommand {
        @Override
        protected void execute() throws Exception {
            Map<?, ?> answer = client().get("/api/v1/agent/authconfig", Map.class);
            Map<?, ?> config = answer.get("Config") instanceof Map<?, ?> m ? m : Map.of();
            DeviceFlow.Provider provider = DeviceFlow.Provider.from(config);
            SsoTokens.Token token = new DeviceFlow(provider, Clock.systemUTC(), d -> Thread.sleep(d.toMillis())).login(a -> {
                err().println("To log in" + (provider.name().isEmpty() ? "" : " with " + provider.name())
                        + ", open " + a.verificationUri() + " and enter the code: " + a.userCode());
                if (!a.verificationUriComplete().isEmpty()) err().println("Or open: " + a.verificationUriComplete());
                err().println("Waiting for the login to complete...");
            });
            String endpoint = endpoint(this);
            tokens(this).put(endpoint, token);
            out().println("Successfully logged in to " + endpoint
                    + (token.expiry() == null ? "" : "; the token expires at " + token.expiry()));
        }
    }

    /** As Bacalhau's: asks first (a line from stdin, {@code y} or {@code Y} goes on) unless {@code -f}. */
    @Command(name = "logout", description = "Forget the SSO token kept for this API.")
    public static class Logout extends ClientCommand {
        @Option(names = {"-f", "--force"}, description = "Skip the confirmation prompt.")
        boolean force;

        @Override
        protected void execute() throws IOException {
            String endpoint = endpoint(this);
            if (!force) {
                out().print("Are you sure you want to logout from " + endpoint + "? (y/N): ");
                out().flush();
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !(answer.trim().equals("y") || answer.trim().equals("Y"))) {
                    out().println("Logout cancelled");
                    return;
                }
            }
            boolean had = tokens(this).remove(endpoint);
            out().println(had ? "Logged out of " + endpoint : "Not logged in to " + endpoint);
        }
    }

    /** {@code -d}: the token's JWT header and claims, decoded without verifying the signature, as Bacalhau's. */
    @Command(name = "token", description = "Print the SSO token kept for this API.")
    public static class Token extends ClientCommand {
        @Option(names = {"-d", "--decode"}, description = "Print the JWT's header and claims instead of the token.")
        boolean decode;

        @Override
        protected void execute() {
            String endpoint = endpoint(this);
            SsoTokens.Token t = tokens(this).get(endpoint).orElseThrow(() -> new CliException(
                    "not logged in to " + endpoint, "run bacalao auth sso login"));
            if (!decode) {
                out().println(t.accessToken());
                return;
            }
            String[] parts = t.accessToken().split("\\.", -1);
            if (parts.length != 3) throw new CliException("failed to parse token: token is malformed: not a JWT");
            out().println("Header:");
            out().println(Json.writePretty(segment(parts[0])));
            out().println();
            out().println("Claims:");
            out().println(Json.writePretty(segment(parts[1])));
        }

        /** One base64url JSON object of a JWT, its keys sorted (as Go's encoding/json writes a map). */
        private static Map<?, ?> segment(String part) {
            try {
                return new TreeMap<>(Json.read(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8), Map.class));
            } catch (RuntimeException e) {
                throw new CliException("failed to parse token: token is malformed: " + e.getMessage());
            }
        }
    }
}
