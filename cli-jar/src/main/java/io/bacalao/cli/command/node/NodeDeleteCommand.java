package io.bacalao.cli.command.node;

import io.bacalao.domain.model.NodeAction;
import picocli.CommandLine.Command;

/** {@code bacalao node delete <id>}: forgets a node; it registers again when it next connects. */
@Command(name = "delete", description = "Delete a node from the orchestrator's records.")
public class NodeDeleteCommand extends NodeActionCommand {
    @Override
    NodeAction action() {
        return NodeAction.DELETE;
    }
}
