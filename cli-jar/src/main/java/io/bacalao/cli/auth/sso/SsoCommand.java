package io.bacalao.cli.auth.sso;

import io.bacalao.cli.command.ClientCommand;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

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

    @Command(name = "logout", description = "Forget the SSO token kept for this API.")
    public static class Logout extends ClientCommand {
        @Override
        protected void execute() {
            String endpoint = endpoint(this);
            boolean had = tokens(this).remove(endpoint);
            out().println(had ? "Logged out of " + endpoint : "Not logged in to " + endpoint);
        }
    }

    @Command(name = "token", description = "Print the SSO token kept for this API.")
    public static class Token extends ClientCommand {
        @Override
        protected void execute() {
            String endpoint = endpoint(this);
            SsoTokens.Token t = tokens(this).get(endpoint).orElseThrow(() -> new io.bacalao.cli.CliException(
                    "not logged in to " + endpoint, "run bacalao auth sso login"));
            out().println(t.accessToken());
        }
    }
}
