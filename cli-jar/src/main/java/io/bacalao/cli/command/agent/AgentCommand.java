package io.bacalao.cli.command.agent;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.BuildVersionInfo;
import io.bacalao.domain.model.NodeInfo;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalao agent …}: questions to the node the CLI talks to. */
@Command(name = "agent", description = "Query the agent (node) the CLI is connected to.")
public class AgentCommand {

    /** Prints a value as YAML unless --output asks for JSON. */
    abstract static class YamlCommand extends ClientCommand {
        @Mixin
        OutputOptions output;

        void print(Object value) {
            OutputOptions o = output.isTable() ? OutputOptions.defaults("yaml") : output;
            o.printStructured(out(), value);
        }
    }

    @Command(name = "alive", description = "Is the agent alive?")
    public static class Alive extends YamlCommand {
        @Override
        protected void execute() {
            print(client().get("/api/v1/agent/alive", ApiModels.AliveResponse.class));
        }
    }

    @Command(name = "node", description = "The agent's node information.")
    public static class Node extends YamlCommand {
        @Override
        protected void execute() {
            print(client().get("/api/v1/agent/node", NodeInfo.class));
        }
    }

    @Command(name = "config", description = "The agent's configuration (secrets redacted).")
    public static class Config extends YamlCommand {
        @Override
        @SuppressWarnings("unchecked")
        protected void execute() {
            Map<String, Object> r = client().get("/api/v1/agent/config", Map.class);
            print(r.getOrDefault("config", r));
        }
    }

    @Command(name = "version", description = "The agent's version.")
    public static class Version extends ClientCommand {
        @Mixin
        OutputOptions output;

        @Override
        protected void execute() {
            BuildVersionInfo v = client().get("/api/v1/agent/version", BuildVersionInfo.class);
            if (output.printStructured(out(), v)) return;
            out().println("Bacalhau " + v.gitVersion());
            out().println("BuildDate " + v.buildDate());
            out().println("GitCommit " + v.gitCommit());
        }
    }
}
