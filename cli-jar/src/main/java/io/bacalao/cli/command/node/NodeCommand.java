package io.bacalao.cli.command.node;

import picocli.CommandLine.Command;

/** {@code bacalao node …}: the cluster's nodes. */
@Command(name = "node", description = "List and inspect nodes.", mixinStandardHelpOptions = true,
        subcommands = {NodeListCommand.class, NodeDescribeCommand.class})
public class NodeCommand {
}
