package io.bacalao.cli.command.job;

import io.bacalao.cli.client.ApiException;
import io.bacalao.cli.command.ClientCommand;
import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.io.PrintWriter;

/**
 * {@code job run --dry-run} (reference §6.2): asks the orchestrator how the spec differs from the stored job of
 * the same name ({@code PUT /jobs/diff}) and prints the diff, or {@code Warning: No diff detected.}. When the
 * orchestrator cannot answer (no such job, no name, unreachable) it says why and prints the spec as YAML.
 */
final class DryRun {
    private DryRun() {
    }

    static void show(ClientCommand cmd, Job job) {
        PrintWriter out = cmd.out();
        PrintWriter err = cmd.err();
        ApiModels.DiffJobResponse r;
        try {
            r = cmd.client().put(JobPaths.JOBS + "/diff", new ApiModels.DiffJobRequest(Json.mapper().valueToTree(job)),
                    ApiModels.DiffJobResponse.class);
        } catch (ApiException | io.bacalao.cli.CliException e) {
            err.println("Error: failed to fetch Job spec: " + e.getMessage());
            err.println("Warning: falling back to offline mode...");
            err.flush();
            out.print(Json.writeYaml(job));
            return;
        }
        if (r.warnings() != null) r.warnings().forEach(w -> err.println("Warning: " + w));
        if (r.diff() == null || r.diff().isEmpty()) {
            err.println("Warning: No diff detected.");
        } else {
            out.println(r.diff());
        }
        err.flush();
    }
}
