package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.RunOutput;
import io.bacalao.domain.spec.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --node-details} of the submitting commands (Bacalhau's {@code printNodeDetails}): after the job ended,
 * each distinct result with the node(s) that produced it, under {@code Job Results By Node:} on stdout; the bullets
 * go to stderr, as Bacalhau prints them.
 */
final class NodeResults {
    private NodeResults() {
    }

    static void print(ClientCommand cmd, String jobId, long version) {
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<Execution>>() {
        });
        ApiModels.ListResponse<Execution> page = cmd.client().get(JobPaths.job(jobId, "executions")
                .version(version).build(), type);
        Map<String, List<String>> results = summarise(page.items());
        PrintWriter out = cmd.out();
        out.println();
        if (results.isEmpty()) {
            out.flush();
            return;
        }
        out.println("Job Results By Node:");
        out.flush();
        results.forEach((message, nodes) -> {
            String prefix = nodes.size() == 1 ? "• Node " + nodes.get(0) + ": "
                    : "• " + nodes.size() + " runs on " + nodes.stream().distinct().count() + " nodes: ";
            String indent = " ".repeat(prefix.length());
            String[] lines = message.strip().split("\n");
            cmd.err().println(prefix + lines[0]);
            for (int i = 1; i < lines.length; i++) cmd.err().println(indent + lines[i]);
        });
        cmd.err().flush();
    }

    /**
     * Result message → short IDs of the nodes that gave it, in execution order: the error message, else stderr
     * when the exit code is positive, else stdout; a discarded execution without output gives its state's
     * message; executions with no message are left out.
     */
    static Map<String, List<String>> summarise(List<Execution> executions) {
        Map<String, List<String>> results = new LinkedHashMap<>();
        for (Execution e : executions) {
            RunOutput o = e.runOutput();
            String message;
            if (o != null) {
                message = !o.errorMsg().isEmpty() ? o.errorMsg() : o.exitCode() > 0 ? o.stderr() : o.stdout();
            } else {
                message = e.isDiscarded() ? e.computeState().message() : "";
            }
            if (message != null && !message.isEmpty()) {
                results.computeIfAbsent(message, m -> new ArrayList<>()).add(Ids.shortId(e.nodeId()));
            }
        }
        return results;
    }
}
