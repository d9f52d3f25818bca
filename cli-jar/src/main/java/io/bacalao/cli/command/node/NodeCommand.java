package io.bacalao.cli.command.node;

import picocli.CommandLine.Command;

/** {@code bacalao node …}: the cluster's nodes. */
@Command(name = "node", description = "List, inspect, approve, reject and delete nodes.",
        subcommands = {NodeListCommand.class, NodeDescribeCommand.class, NodeApproveCommand.class,
                NodeRejectCommand.class, NodeDeleteCommand.class})
public class NodeCommand {
}
