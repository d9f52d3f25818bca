package io.bacalao.cli.command;

import io.bacalao.cli.auth.AuthCommand;
import io.bacalao.cli.auth.AuthInfoCommand;
import io.bacalao.cli.auth.HashPasswordCommand;
import io.bacalao.cli.command.agent.AgentCommand;
import io.bacalao.cli.command.docker.DockerCommand;
import io.bacalao.cli.command.docker.DockerRunCommand;
import io.bacalao.cli.command.job.JobCommand;
import io.bacalao.cli.command.job.JobDescribeCommand;
import io.bacalao.cli.command.job.JobExecutionsCommand;
import io.bacalao.cli.command.job.JobGetCommand;
import io.bacalao.cli.command.job.JobHistoryCommand;
import io.bacalao.cli.command.job.JobListCommand;
import io.bacalao.cli.command.job.JobLogsCommand;
import io.bacalao.cli.command.job.JobRerunCommand;
import io.bacalao.cli.command.job.JobRunCommand;
import io.bacalao.cli.command.job.JobStopCommand;
import io.bacalao.cli.command.job.JobValidateCommand;
import io.bacalao.cli.command.job.JobVersionsCommand;
import io.bacalao.cli.command.node.NodeApproveCommand;
import io.bacalao.cli.command.node.NodeCommand;
import io.bacalao.cli.command.node.NodeDeleteCommand;
import io.bacalao.cli.command.node.NodeDescribeCommand;
import io.bacalao.cli.command.node.NodeListCommand;
import io.bacalao.cli.command.node.NodeRejectCommand;
import io.bacalao.cli.command.wasm.WasmCommand;
import io.bacalao.cli.command.wasm.WasmRunCommand;
import io.bacalao.cli.launch.DevstackCommand;
import io.bacalao.cli.launch.ServeCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The commands of {@code bacalao}, and the part of them one command line needs.
 *
 * <p>picocli builds the model of every command it is given (reflection over each class's options, mixins and
 * annotations) before it parses anything; for the whole tree that is most of the CLI's own start-up work. A
 * command line that names a command ({@code job list …}) gets only the commands on its path: the root, each group
 * on the way and the command itself. Any other command line (no command, a group alone, {@code --help} of a
 * group, an unknown name, an option the root does not know) stops the path where it stands and gets that
 * command's whole subtree, so that usage, "did you mean" and error answers are those of the full tree.
 */
public final class CommandTree {
    /** The root's options, inherited by every command, that take their value as the next argument. */
    private static final Set<String> VALUE_OPTIONS = Set.of("--api-host", "--api-port", "-c", "--config", "--data-dir", "--profile",
            "--log-level");

    private static final Node ROOT = node("bacalao", RootCommand.class,
            node("job", JobCommand.class,
                    node("run", JobRunCommand.class),
                    node("list", JobListCommand.class),
                    node("describe", JobDescribeCommand.class),
                    node("history", JobHistoryCommand.class),
                    node("executions", JobExecutionsCommand.class),
                    node("stop", JobStopCommand.class),
                    node("validate", JobValidateCommand.class),
                    node("logs", JobLogsCommand.class),
                    node("get", JobGetCommand.class),
                    node("rerun", JobRerunCommand.class),
                    node("versions", JobVersionsCommand.class)),
            // run: options end at IMAGE; what follows is the container's command, passed through untouched
            node("docker", DockerCommand.class, positional("run", DockerRunCommand.class)),
            // run: options end at ENTRY-MODULE; what follows is the module's argv[1..]
            node("wasm", WasmCommand.class, positional("run", WasmRunCommand.class)),
            node("node", NodeCommand.class,
                    node("list", NodeListCommand.class),
                    node("describe", NodeDescribeCommand.class),
                    node("approve", NodeApproveCommand.class),
                    node("reject", NodeRejectCommand.class),
                    node("delete", NodeDeleteCommand.class)),
            node("agent", AgentCommand.class,
                    node("alive", AgentCommand.Alive.class),
                    node("version", AgentCommand.Version.class),
                    node("node", AgentCommand.Node.class),
                    node("config", AgentCommand.Config.class)),
            node("auth", AuthCommand.class,
                    node("info", AuthInfoCommand.class),
                    node("hash-password", HashPasswordCommand.class),
                    node("sso", io.bacalao.cli.auth.sso.SsoCommand.class,
                            node("login", io.bacalao.cli.auth.sso.SsoCommand.Login.class),
                            node("logout", io.bacalao.cli.auth.sso.SsoCommand.Logout.class),
                            node("token", io.bacalao.cli.auth.sso.SsoCommand.Token.class))),
            node("config", io.bacalao.cli.command.config.ConfigCommand.class,
                    node("list", io.bacalao.cli.command.config.ConfigListCommand.class),
                    node("set", io.bacalao.cli.command.config.ConfigSetCommand.class)),
            node("profile", io.bacalao.cli.profile.ProfileCommand.class,
                    node("save", io.bacalao.cli.profile.ProfileCommand.Save.class),
                    node("list", io.bacalao.cli.profile.ProfileCommand.ListProfiles.class),
                    node("select", io.bacalao.cli.profile.ProfileCommand.Select.class),
                    node("show", io.bacalao.cli.profile.ProfileCommand.Show.class),
                    node("delete", io.bacalao.cli.profile.ProfileCommand.Delete.class)),
            node("version", VersionCommand.class),
            node("serve", ServeCommand.class),
            node("devstack", DevstackCommand.class));

    private CommandTree() {
    }

    /** Every command (for help listings and tests). */
    public static CommandLine full() {
        return build(List.of());
    }

    /** The commands {@code args} needs: its command's path, and that command's subtree. */
    public static CommandLine forArgs(String... args) {
        return build(pathOf(args));
    }

    /** The names of the commands {@code args} names, root excluded, as far as they can be told without parsing. */
    static List<String> commandPath(String... args) {
        return pathOf(args).stream().map(Node::name).toList();
    }

    private static List<Node> pathOf(String[] args) {
        List<Node> path = new ArrayList<>();
        Node at = ROOT;
        for (int i = 0; i < args.length && !at.children().isEmpty(); i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                if (VALUE_OPTIONS.contains(a)) {
                    i++;
                    continue;
                }
                int eq = a.indexOf('=');
                boolean attached = (eq > 0 && VALUE_OPTIONS.contains(a.substring(0, eq)))
                        || (a.startsWith("-c") && !a.startsWith("--") && a.length() > 2);
                if (attached) continue;
                break; // help, version or an option only the full tree can answer for
            }
            Node next = at.child(a);
            if (next == null) break;
            path.add(next);
            at = next;
        }
        return path;
    }

    private static CommandLine build(List<Node> path) {
        CommandLine root = new CommandLine(new RootCommand());
        CommandLine at = root;
        Node last = ROOT;
        for (Node n : path) {
            at = add(at, n);
            last = n;
        }
        addSubtree(at, last);
        return root;
    }

    private static void addSubtree(CommandLine parent, Node node) {
        for (Node child : node.children()) addSubtree(add(parent, child), child);
    }

    /** Adds a command below {@code parent} (top-down, so that it inherits the root's options) and returns it. */
    private static CommandLine add(CommandLine parent, Node n) {
        parent.addSubcommand(n.name(), n.type());
        CommandLine sub = parent.getSubcommands().get(n.name());
        if (n.stopAtPositional()) sub.setStopAtPositional(true);
        return sub;
    }

    private static Node node(String name, Class<?> type, Node... children) {
        return new Node(name, type, false, List.of(children));
    }

    private static Node positional(String name, Class<?> type) {
        return new Node(name, type, true, List.of());
    }

    /**
     * A command: its name (the one in its {@code @Command}), its class (instantiated only when built) and, when
     * {@code stopAtPositional}, options end at its first positional parameter.
     */
    private record Node(String name, Class<?> type, boolean stopAtPositional, List<Node> children) {
        Node child(String childName) {
            for (Node c : children) if (c.name().equals(childName)) return c;
            return null;
        }
    }
}
