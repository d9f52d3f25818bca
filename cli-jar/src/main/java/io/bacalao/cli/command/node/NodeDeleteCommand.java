package io.bacalao.cli.command.node;

import io.bacalao.domain.model.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bacalao node delete <id>}: forgets a node; it registers again when it next connects. */
@Command(name = "delete", description = "Delete a node from the orchestrator's records.")
public class NodeDeleteCommand extends NodeActionCommand {
    @Option(names = {"-m", "--message"}, description = "Why the node is deleted.")
    String message = "";

    @Override
    NodeAction action() {
        return NodeAction.DELETE;
    }

    @Override
    String message() {
        return message;
    }
}
