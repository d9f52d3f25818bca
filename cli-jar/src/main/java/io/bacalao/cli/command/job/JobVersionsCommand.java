package io.bacalao.cli.command.job;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.cli.render.OutputOptions;
import io.bacalao.cli.render.Table;
import io.bacalao.cli.render.Times;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalao job versions <id>}: every stored version of a job's spec (columns as Bacalhau's). */
@Command(name = "versions", description = "List versions for a job.")
public class JobVersionsCommand extends ClientCommand {
    @Parameters(index = "0", description = "Job ID, short ID or name.")
    String id;

    @Option(names = "--namespace", description = "Namespace of the job.")
    String namespace;

    @Mixin
    OutputOptions output;

    @Override
    protected void execute() {
        var type = Json.mapper().getTypeFactory().constructType(new TypeReference<ApiModels.ListResponse<Job>>() {
        });
        ApiModels.ListResponse<Job> page = client().get(JobPaths.job(id, "versions").param("namespace", namespace).build(),
                type);
        if (output.printStructured(out(), page.items())) return;
        Table t = new Table(List.of("Created At", "Job Version"));
        for (Job j : page.items()) t.row(Times.dateTime(Times.ofNanos(j.modifyTime())), j.version());
        t.print(out(), output);
    }
}
