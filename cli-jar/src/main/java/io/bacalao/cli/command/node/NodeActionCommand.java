package io.bacalao.cli.command.node;

import io.bacalao.cli.CliException;
import io.bacalao.cli.client.ApiException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.NodeAction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code node approve|reject|delete <id> [-m message]}: {@code PUT /api/v1/orchestrator/nodes/<id>} with the action; prints
 * {@code Ok}, or {@code Failed to <action> node <id>: <error>} on stderr with exit code 1, as Bacalhau does; an
 * orchestrator it cannot reach is {@code Error: could not <action> node <id>: …}, as Bacalhau's fatal path.
 */
abstract class NodeActionCommand extends ClientCommand {
    @Parameters(index = "0", description = "Node ID or unique prefix.")
    String id;

    @Option(names = {"-m", "--message"}, description = "Message to include with the action (kept with the node's state).")
    String message = "";

    abstract NodeAction action();

    @Override
    public Integer call() {
        try {
            ApiModels.PutNodeResponse r = client().put("/api/v1/orchestrator/nodes/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                    new ApiModels.PutNodeRequest(action().json(), message, id), ApiModels.PutNodeResponse.class);
            if (!r.success()) return failed(r.error());
            out().println("Ok");
            out().flush();
            return 0;
        } catch (ApiException e) {
            return failed(e.getMessage());
        } catch (CliException e) {
            throw new CliException("could not " + action().json() + " node " + id + ": " + e.getMessage(), e.hint());
        }
    }

    private int failed(String why) {
        err().println("Failed to " + action().json() + " node " + id + ": " + why);
        err().flush();
        return 1;
    }

    @Override
    protected void execute() {
        throw new UnsupportedOperationException("call() does the work");
    }
}
