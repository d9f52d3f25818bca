package io.bacalao.cli.command.job;

import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.JobHistory;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job describe <id>}: the job, a summary of its executions, its history and its output. */
@Command(name = "describe", description = "Show a job's details, executions, history and output.")
public class JobDescribeCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = {"-v", "--version"}, defaultValue = "0", description = "The job version to describe (default: the latest).")
    long version;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        String path = JobPaths.job(id, "").param("include", "executions,history").version(version)
                .param("namespace", namespace).build();
        ApiModels.GetJobResponse r = client().get(path, ApiModels.GetJobResponse.class);
        if (output.printStructured(out(), r)) return;
        PrintWriter o = out();
        Job j = r.job();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("ID", j.id());
        header.put("Name", j.name());
        header.put("Namespace", j.namespace());
        header.put("Type", j.type());
        header.put("State", j.state().stateType().name());
        header.put("Message", j.state().message());
        if (j.type().equals("batch") || j.type().equals("service")) header.put("Count", String.valueOf(j.count()));
        header.put("Created Time", Times.dateTime(Times.ofNanos(j.createTime())));
        header.put("Modified Time", Times.dateTime(Times.ofNanos(j.modifyTime())));
        header.put("Version", String.valueOf(j.version()));
        int width = header.keySet().stream().mapToInt(String::length).max().orElse(0);
        header.forEach((k, v) -> {
            if (v != null && !v.isBlank()) o.println(k + " ".repeat(width - k.length()) + " = " + v);
        });
        printWhy(o, j);
        List<Execution> executions = r.executions() == null ? List.of() : r.executions().items();
        List<JobHistory> history = r.history() == null ? List.of() : r.history().items();
        o.println();
        o.println("Summary");
        Map<String, Integer> counts = new TreeMap<>();
        executions.forEach(e -> counts.merge(e.state().name(), 1, Integer::sum));
        counts.forEach((state, n) -> o.println("  " + state + " : " + n));
        o.println();
        o.println("Job History");
        historyTable(history.stream().filter(JobHistory::isJobLevel).toList()).print(o, output);
        o.println();
        o.println("Executions");
        Instant now = Instant.now();
        Table et = new Table(List.of("ID", "Node ID", "State", "Desired", "Rev.", "Created", "Modified", "Comment"));
        for (Execution e : executions) {
            et.row(e.shortId(), e.nodeId(), e.state(), e.desired(), e.revision(),
                    Times.elapsed(Times.ofNanos(e.createTime()), now) + " ago",
                    Times.elapsed(Times.ofNanos(e.modifyTime()), now) + " ago", comment(e));
        }
        et.print(o, output);
        for (Execution e : executions) {
            o.println();
            o.println("Execution " + e.shortId() + " History");
            historyTable(history.stream().filter(h -> e.id().equals(h.executionId())).toList()).print(o, output);
        }
        printPublished(o, executions);
        printOutput(o, executions);
    }

    /** Beyond Bacalhau's table: where each execution's results were published. */
    private static void printPublished(PrintWriter o, List<Execution> executions) {
        List<Execution> published = executions.stream()
                .filter(e -> e.publishedResult() != null && !e.publishedResult().isEmpty()).toList();
        if (published.isEmpty()) return;
        o.println();
        o.println("Published Results");
        for (Execution e : published) {
            o.println("  " + e.shortId() + "  " + io.bacalao.cli.results.ResultLocation.of(e.publishedResult()));
        }
    }

    /**
     * Beyond Bacalhau: for a job that waits (or could not be placed), why it does not fit, per node or group of
     * nodes, and what would make it fit (the orchestrator's {@code State.Details.Why}).
     */
    private static void printWhy(PrintWriter o, Job j) {
        String why = j.state().details().get("Why");
        if (why == null || why.isBlank()) return;
        o.println();
        o.println(j.state().stateType().isTerminal() ? "Why it could not be placed" : "Why it is waiting");
        why.lines().forEach(l -> o.println("  " + l));
    }

    private static String comment(Execution e) {
        String m = e.computeState().message();
        return m == null || m.isBlank() ? e.desiredState().message() : m;
    }

    private static Table historyTable(List<JobHistory> rows) {
        Table t = new Table(List.of("Time", "Topic", "Event"), 0, 15, 0);
        for (JobHistory h : rows) {
            t.row(Times.dateTime(h.time()), h.event().topic(), (h.event().isError() ? "Error: " : "") + h.event().message());
        }
        return t;
    }

    private static void printOutput(PrintWriter o, List<Execution> executions) {
        StringBuilder sb = new StringBuilder();
        boolean truncated = false;
        for (Execution e : executions) {
            if (e.runOutput() == null) continue;
            sb.append(e.runOutput().stdout());
            sb.append(e.runOutput().stderr());
            truncated |= e.runOutput().stdoutTruncated() || e.runOutput().stderrTruncated();
        }
        if (sb.isEmpty()) return;
        o.println();
        o.println("Standard Output");
        o.print(sb);
        if (truncated) o.println("...\nOutput truncated");
        if (sb.charAt(sb.length() - 1) != '\n') o.println();
    }
}
