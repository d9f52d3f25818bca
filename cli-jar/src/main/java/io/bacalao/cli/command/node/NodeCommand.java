package io.bacalao.cli.command.node;

import picocli.CommandLine.Command;

/** {@code bacalao node …}: the cluster's nodes. */
@Command(name = "node", description = "List, inspect, approve, reject and delete nodes.")
public class NodeCommand {
}
