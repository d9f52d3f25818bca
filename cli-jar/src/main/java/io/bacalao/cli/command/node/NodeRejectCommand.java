package io.bacalao.cli.command.node;

import io.bacalao.domain.model.NodeAction;
import picocli.CommandLine.Command;

/** {@code bacalao node reject <id> [-m message]}: disconnects a node and refuses its handshakes from now on. */
@Command(name = "reject", description = "Reject a node: it is disconnected and may not connect again.")
public class NodeRejectCommand extends NodeActionCommand {
    @Override
    NodeAction action() {
        return NodeAction.REJECT;
    }
}
