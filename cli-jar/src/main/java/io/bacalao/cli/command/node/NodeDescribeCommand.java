package io.bacalao.cli.command.node;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.domain.api.ApiModels;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bacalao node describe <id>}: the node as YAML (or JSON). */
@Command(name = "describe", description = "Show a node's details.")
public class NodeDescribeCommand extends ClientCommand {
    @Parameters(index = "0", description = "Node ID or unique prefix.")
    String id;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        ApiModels.GetNodeResponse r = client().get("/api/v1/orchestrator/nodes/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8), ApiModels.GetNodeResponse.class);
        if (!output.printStructured(out(), r.node())) OutputOptions.defaults("yaml").printStructured(out(), r.node());
    }
}
