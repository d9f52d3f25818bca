package io.bacalao.cli.auth;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bacalao auth info}: Bacalhau's text ({@code cmd/cli/auth/info.go}): the API the CLI talks to, which
 * credential variables are set (either name, {@link ApiCredentials}), and the node's SSO provider from
 * {@code GET /api/v1/agent/authconfig} (an open route). Bacalhau registers {@code --output} and {@code --pretty}
 * here and prints the same text whatever they say; so does this, once the format is checked.
 */
@Command(name = "info", description = "Display authentication information.")
public class AuthInfoCommand extends ClientCommand {
    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        output.format();
        Map<String, String> env = System.getenv();
        StringBuilder b = new StringBuilder();
        b.append("\nTarget environment: ").append(client().endpoint().uri("")).append("\n\n");
        b.append("Environment Variables:\n");
        b.append("API Key: ").append(status(env, ApiCredentials.KEY)).append('\n');
        b.append("Username: ").append(status(env, ApiCredentials.USERNAME)).append('\n');
        b.append("Password: ").append(status(env, ApiCredentials.PASSWORD)).append("\n\n");
        Map<?, ?> answer;
        try {
            answer = client().get("/api/v1/agent/authconfig", Map.class);
        } catch (RuntimeException e) {
            b.append("Server does not support Basic Auth, API Keys, or SSO logins\n");
            out().print(b);
            return;
        }
        Map<?, ?> config = answer.get("Config") instanceof Map<?, ?> m ? m : Map.of();
        b.append("Node SSO Authentication:\n");
        Object providerId = config.get("ProviderID");
        if (providerId != null && !providerId.toString().isEmpty()) {
            b.append("Provider Name: ").append(text(config.get("ProviderName"))).append('\n');
            b.append("Provider ID: ").append(providerId).append('\n');
            b.append("Version: ").append(text(answer.get("Version"))).append('\n');
        } else {
            b.append("Server does not support SSO login\n");
        }
        b.append("\nNote: Environment variables take precedence over other authentication mechanisms including SSO.\n");
        b.append("To use SSO login, please unset Auth related environment variables first.\n");
        out().print(b);
    }

    private static String status(Map<String, String> env, String suffix) {
        return ApiCredentials.isSet(env, suffix) ? "Set" : "Not Set";
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
