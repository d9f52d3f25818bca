package io.bacalao.compute.run;

import io.bacalao.compute.env.EnvResolutionException;
import io.bacalao.compute.env.EnvResolver;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.PortMapping;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every execution gets (reference §5.4): the task's Env plus BACALHAU_* identifiers and, for each
 * port mapping once its ports are allocated, {@code BACALHAU_HOST_PORT_<Name>} (the host port) and
 * {@code BACALHAU_PORT_<Name>} (the port inside a Bridge network), as Bacalhau's {@code pkg/compute/envvars.go}.
 */
final class Environment {
    private Environment() {
    }

    /** {@code env:NAME} values are resolved by {@code resolver} (Compute.Env.AllowList); a failure fails the run. */
    static Map<String, String> of(Execution e, EnvResolver resolver) throws ExecutionFailure {
        Job job = e.job();
        Map<String, String> env;
        try {
            env = new LinkedHashMap<>(resolver.resolve(job.task().env()));
        } catch (EnvResolutionException x) {
            throw new ExecutionFailure("failed to resolve environment variables: " + x.getMessage());
        }
        env.put("BACALHAU_EXECUTION_ID", e.id());
        env.put("BACALHAU_JOB_ID", job.id());
        env.put("BACALHAU_JOB_TYPE", job.type());
        env.put("BACALHAU_PARTITION_INDEX", String.valueOf(e.partitionIndex()));
        env.put("BACALHAU_PARTITION_COUNT", String.valueOf(job.count()));
        for (PortMapping p : job.task().network().ports()) {
            if (p.staticPort() > 0) env.put("BACALHAU_HOST_PORT_" + p.name(), String.valueOf(p.staticPort()));
            if (p.target() > 0) env.put("BACALHAU_PORT_" + p.name(), String.valueOf(p.target()));
        }
        return env;
    }
}
