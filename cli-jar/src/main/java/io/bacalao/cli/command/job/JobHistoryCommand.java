package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Ids;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.spec.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job history <id>}: the job's and its executions' events. */
@Command(name = "history", description = "List a job's history events.")
public class JobHistoryCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = "--event-type", defaultValue = "all", description = "all, job or execution.")
    String eventType;

    @Option(names = "--execution-id", description = "Only events of this execution (prefix).")
    String executionId;

    @Option(names = {"-v", "--version"}, description = "Job version (default latest).")
    Long version;

    @Option(names = "--all-versions", description = "Events of every version.")
    boolean allVersions;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Option(names = "--limit", defaultValue = "0", description = "Maximum number of events (0 = all).")
    int limit;

    @Option(names = "--next-token", description = "Start at this page token (from a previous page's NextToken).")
    String nextToken;

    /** Sent as order_by and reverse, as Bacalhau's CLI sends them; its orchestrator and ours keep history in event order. */
    @Option(names = "--order-by", description = "Order results by a field (sent to the orchestrator, which keeps events in time order).")
    String orderBy;

    @Option(names = "--order-reversed", description = "Reverse the order of the results (sent to the orchestrator as above).")
    boolean reverse;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<JobHistory>>() {
        });
        List<JobHistory> all = new ArrayList<>();
        String token = nextToken == null ? "" : nextToken;
        while (true) {
            ApiModels.ListResponse<JobHistory> page = client().get(JobPaths.job(id, "history")
                    .param("event_type", eventType).param("execution_id", executionId).version(version)
                    .param("all_job_versions", allVersions ? "true" : null).param("namespace", namespace)
                    .param("order_by", orderBy).param("reverse", reverse ? "true" : null)
                    .param("next_token", token).build(), type);
            all.addAll(page.items());
            if (page.items().isEmpty() || page.nextToken() == null || page.nextToken().isEmpty()) break;
            if (limit > 0 && all.size() >= limit) break;
            token = page.nextToken();
        }
        if (limit > 0 && all.size() > limit) all = all.subList(0, limit);
        if (output.printStructured(out(), all)) return;
        Table t = new Table(List.of("Time", "Level", "Job Version", "Exec. ID", "Topic", "Event"), 0, 0, 0, 0, 15, 0);
        for (JobHistory h : all) {
            t.row(Times.dateTime(h.time()), h.type(), h.jobVersion(), h.executionId() == null ? "" : Ids.shortId(h.executionId()),
                    h.event().topic(), (h.event().isError() ? "Error: " : "") + h.event().message());
        }
        t.print(out(), output);
    }
}
