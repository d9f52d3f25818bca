package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalao job list}: jobs, oldest first, 10 at a time. */
@Command(name = "list", description = "List jobs.")
public class JobListCommand extends ClientCommand {
    @Option(names = "--labels", defaultValue = "bacalhau_canary != true", description = "Label selector on job labels.")
    String labels;

    @Option(names = "--limit", defaultValue = "10", description = "Jobs per page (default 10).")
    int limit;

    @Option(names = "--next-token", description = "Page token printed by a previous list.")
    String nextToken;

    @Option(names = "--order-by", description = "created_at (default) or modified_at.")
    String orderBy;

    @Option(names = "--order-reversed", description = "Newest first.")
    boolean reversed;

    @Option(names = "--namespace", description = "Namespace (default: all).")
    String namespace;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        String path = JobPaths.jobs().param("limit", limit).param("labels", labels).param("order_by", orderBy)
                .param("reverse", reversed ? "true" : null).param("next_token", nextToken)
                .param("namespace", namespace).build();
        if (!output.isTable()) {
            ApiModels.ListResponse<Job> page = client().get(path,
                    Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<Job>>() {
                    }));
            output.printStructured(out(), page.items());
            return;
        }
        // The table reads its six columns from the JSON tree: binding the whole job model costs a fresh JVM
        // about 0.2 s of CPU (Jackson introspecting some twenty record types), more than the rest of the command.
        JsonNode page = client().get(path, JsonNode.class);
        Table t = new Table(List.of("Created", "ID", "Name", "Job", "Type", "State"), 0, 0, 30);
        for (JsonNode j : page.path("Items")) {
            JsonNode tasks = j.path("Tasks");
            t.row(Times.time(Times.ofNanos(j.path("CreateTime").asLong())), Ids.shortId(text(j, "ID")), text(j, "Name"),
                    tasks.isEmpty() ? "" : text(tasks.get(0).path("Engine"), "Type"), text(j, "Type"),
                    text(j.path("State"), "StateType"));
        }
        t.print(out(), output);
        String next = text(page, "NextToken");
        if (next != null && !next.isEmpty()) {
            out().println();
            out().println("To fetch more records use:");
            out().println("\tbacalao job list --limit " + limit + " --next-token " + next);
        }
    }

    /** A string field as the model would bind it: null when absent or null. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
