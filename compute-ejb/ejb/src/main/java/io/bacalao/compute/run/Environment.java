package io.bacalao.compute.run;

import io.bacalao.compute.env.EnvResolutionException;
import io.bacalao.compute.env.EnvResolver;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment every execution gets (reference §5.4): the task's Env plus BACALHAU_* identifiers. */
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
        return env;
    }
}
