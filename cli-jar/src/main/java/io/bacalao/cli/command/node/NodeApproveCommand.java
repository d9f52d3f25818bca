package io.bacalao.cli.command.node;

import io.bacalao.domain.model.NodeAction;
import picocli.CommandLine.Command;

/** {@code bacalao node approve <id>}: lets a PENDING (or REJECTED) node take work. */
@Command(name = "approve", description = "Approve a node so that it can run jobs.")
public class NodeApproveCommand extends NodeActionCommand {
    @Override
    NodeAction action() {
        return NodeAction.APPROVE;
    }
}
