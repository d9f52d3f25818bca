package io.bacalao.cli.command.docker;

import io.bacalao.cli.CliException;
import io.bacalao.cli.command.flags.JobFlags;
import io.bacalao.cli.command.flags.TaskFlags;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job of {@code docker run}: a docker engine spec (reference §2.3: Image, Entrypoint, Parameters,
 * WorkingDirectory; empty ones left out) inside the task and job the shared flags describe.
 * The command and its arguments are passed through untouched as Parameters (Docker's CMD).
 */
public final class DockerJobBuilder {
    public static final String ENGINE_TYPE = "docker";

    private DockerJobBuilder() {
    }

    /** The docker engine spec; a blank image or a relative working directory throws CliException. */
    public static SpecConfig engine(String image, List<String> parameters, List<String> entrypoint, String workdir) {
        if (image == null || image.isBlank()) {
            throw new CliException("missing IMAGE", "usage: bacalao docker run [flags] IMAGE[:TAG|@DIGEST] [COMMAND] [ARG...]");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Image", image.trim());
        if (entrypoint != null && !entrypoint.isEmpty()) params.put("Entrypoint", List.copyOf(entrypoint));
        if (parameters != null && !parameters.isEmpty()) params.put("Parameters", List.copyOf(parameters));
        if (workdir != null && !workdir.isBlank()) {
            if (!workdir.startsWith("/")) throw new CliException("invalid workdir \"" + workdir + "\": must be an absolute path");
            params.put("WorkingDirectory", workdir);
        }
        return SpecConfig.of(ENGINE_TYPE, params);
    }

    /** The whole job; flag values are parsed here, so any bad one throws CliException. */
    public static Job build(String image, List<String> parameters, List<String> entrypoint, String workdir,
                            JobFlags job, TaskFlags task) {
        return job.toJob(task.toTask(engine(image, parameters, entrypoint, workdir)));
    }
}
