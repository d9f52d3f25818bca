package io.bacalao.cli.command.flags;

import io.bacalao.cli.CliException;
import io.bacalao.cli.spec.EnvParser;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobType;
import io.bacalao.domain.model.LabelSelectorRequirement;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Job-level flags of the submitting commands ({@code docker run}, {@code wasm run}); Bacalhau's JobSettings. */
public class JobFlags {
    @Option(names = "--name", description = "Job name (default: the job ID); an existing name in the namespace updates that job.")
    String name = "";

    @Option(names = "--namespace", defaultValue = "default", description = "Namespace of the job (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--priority", defaultValue = "0", description = "Priority; higher runs first (default: ${DEFAULT-VALUE}).")
    int priority;

    @Option(names = {"-l", "--labels", "--label"}, split = ",", paramLabel = "KEY=VALUE",
            description = "Job labels, repeatable or comma-separated.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--count", defaultValue = "1", description = "How many executions to run (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--target", defaultValue = "any", paramLabel = "any|all",
            description = "any: a batch job on Count nodes; all: an ops job on every matching node (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--constraints", paramLabel = "SELECTOR",
            description = "Node label selector, e.g. 'region=eu,gpu,cores>4'.")
    String constraints;

    /** Bacalhau's deprecated, hidden name of --count; when given it wins, with cobra's deprecation line. */
    @Option(names = "--concurrency", hidden = true, paramLabel = "N", description = "Deprecated: use --count.")
    Integer concurrency;

    /** Bacalhau's deprecated, hidden name of --constraints; when given it wins, with cobra's deprecation line. */
    @Option(names = {"-s", "--selector"}, hidden = true, paramLabel = "SELECTOR", description = "Deprecated: use --constraints.")
    String selector;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The job around {@code task}; bad flag values throw CliException. */
    public Job toJob(Task task) {
        if (concurrency != null) deprecated("concurrency", "use --count");
        if (selector != null) deprecated("selector", "use --constraints");
        int executions = concurrency != null ? concurrency : count;
        return new Job("", name, namespace, jobType().json(), priority, executions, constraints(),
                null, EnvParser.parseAll("label", labels, "-l/--labels takes KEY=VALUE"), List.of(task),
                null, 0, 0, 0, 0);
    }

    private JobType jobType() {
        return switch (target == null ? "any" : target.trim().toLowerCase(Locale.ROOT)) {
            case "any" -> JobType.BATCH;
            case "all" -> JobType.OPS;
            default -> throw new CliException("invalid target \"" + target + "\": expected any or all");
        };
    }

    private List<LabelSelectorRequirement> constraints() {
        String selection = selector != null ? selector : constraints;
        if (selection == null || selection.isBlank()) return List.of();
        try {
            return Selector.parse(selection).toJson();
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + (selector != null ? "selector" : "constraints") + " \"" + selection + "\": " + e.getMessage());
        }
    }

    private void deprecated(String flag, String instead) {
        if (command != null) command.commandLine().getErr().println("Flag --" + flag + " has been deprecated, " + instead);
    }
}
