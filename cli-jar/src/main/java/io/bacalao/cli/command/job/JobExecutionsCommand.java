package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.spec.Json;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job executions <id>}: where and how the job ran. */
@Command(name = "executions", description = "List a job's executions.")
public class JobExecutionsCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = {"-v", "--version"}, description = "Job version (default latest).")
    Long version;

    @Option(names = "--all-versions", description = "Executions of every version.")
    boolean allVersions;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Option(names = "--limit", defaultValue = "20", description = "Maximum number of executions (default 20).")
    int limit;

    @Option(names = "--order-by", description = "created_at (default) or modified_at.")
    String orderBy;

    @Option(names = "--order-reversed", description = "Newest first.")
    boolean reversed;

    @Option(names = "--next-token", description = "Page token (sent as next_token; the route answers one page, as Bacalhau's).")
    String nextToken;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<Execution>>() {
        });
        ApiModels.ListResponse<Execution> page = client().get(JobPaths.job(id, "executions")
                .version(version).param("all_job_versions", allVersions ? "true" : null)
                .param("namespace", namespace).param("limit", limit).param("order_by", orderBy)
                .param("reverse", reversed ? "true" : null).param("next_token", nextToken).build(), type);
        if (output.printStructured(out(), page.items())) return;
        Instant now = Instant.now();
        Table t = new Table(List.of("Created", "Modified", "ID", "Job Version", "Node ID", "Rev.", "State", "Desired"));
        for (Execution e : page.items()) {
            t.row(Times.elapsed(Times.ofNanos(e.createTime()), now) + " ago",
                    Times.elapsed(Times.ofNanos(e.modifyTime()), now) + " ago", e.shortId(), e.jobVersion(), e.nodeId(),
                    e.revision(), e.state(), e.desired());
        }
        t.print(out(), output);
    }
}
