package io.bacalao.compute.run;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment every execution gets (reference §5.4): the task's Env plus BACALHAU_* identifiers. */
final class Environment {
    private Environment() {
    }

    static Map<String, String> of(Execution e) {
        Job job = e.job();
        Map<String, String> env = new LinkedHashMap<>(job.task().env());
        env.put("BACALHAU_EXECUTION_ID", e.id());
        env.put("BACALHAU_JOB_ID", job.id());
        env.put("BACALHAU_JOB_TYPE", job.type());
        env.put("BACALHAU_PARTITION_INDEX", String.valueOf(e.partitionIndex()));
        env.put("BACALHAU_PARTITION_COUNT", String.valueOf(job.count()));
        return env;
    }
}
