package io.bacalao.domain.spec;

/**
 * Upper bounds on a submitted job spec (docs/job-spec-limits.md). Bacalhau has none of these limits except where
 * noted; each one exists so that one job cannot exhaust the orchestrator (memory, store rows, broker messages) or
 * overflow a computation. Only {@code maxJobCount} is configurable ({@code Orchestrator.MaxJobCount}); the others
 * are fixed defaults, chosen far above what real jobs use.
 *
 * @param maxJobCount        most partitions ({@code Count}) of a batch or service job
 * @param maxTimeoutSeconds  most seconds of any timeout: 10 years keeps {@code createTime + timeout} in Unix
 *                           nanoseconds far inside a {@code long} (which ends in 2262)
 * @param maxSpecBytes       most bytes of the job as stored (its JSON); 1 MiB is NATS' default message limit that
 *                           bounds a Bacalhau job spec in practice
 * @param maxNameLength      most characters of a job name, namespace, task name, job ID and result name (255 is
 *                           Linux' NAME_MAX)
 * @param maxPathLength      most characters of an input Target or a result Path (Linux' PATH_MAX)
 * @param maxKeyLength       most characters of a label or meta key: a Kubernetes qualified name (253 prefix,
 *                           {@code /}, 63 name)
 * @param maxLabelValueLength most characters of a label value
 * @param maxMetaValueLength most characters of a meta value
 * @param maxEnvValueLength  most characters of an env value
 * @param maxTasks           most tasks in a submission (Bacalhau keeps the first one)
 * @param maxInputs          most input sources of a task
 * @param maxResults         most result paths of a task
 * @param maxConstraints     most constraints of a job
 * @param maxLabels          most labels of a job
 * @param maxMeta            most meta entries of a job or a task
 * @param maxEnv             most env entries of a task
 * @param maxListParam       most items of one list parameter of an engine or publisher (Parameters, Entrypoint…)
 */
public record SpecLimits(int maxJobCount, long maxTimeoutSeconds, int maxSpecBytes, int maxNameLength,
                         int maxPathLength, int maxKeyLength, int maxLabelValueLength, int maxMetaValueLength,
                         int maxEnvValueLength, int maxTasks, int maxInputs, int maxResults, int maxConstraints,
                         int maxLabels, int maxMeta, int maxEnv, int maxListParam) {

    public static final int DEFAULT_MAX_JOB_COUNT = 1000;
    /** 10 years of 365 days. */
    public static final long DEFAULT_MAX_TIMEOUT_SECONDS = 10L * 365 * 24 * 3600;

    public SpecLimits {
        if (maxJobCount < 1) throw new IllegalArgumentException("the maximum job count must be at least 1: " + maxJobCount);
    }

    /** The documented defaults (also what the CLI validates with). */
    public static SpecLimits defaults() {
        return new SpecLimits(DEFAULT_MAX_JOB_COUNT, DEFAULT_MAX_TIMEOUT_SECONDS, 1024 * 1024, 255, 4096, 317, 255,
                4096, 32 * 1024, 8, 64, 64, 64, 64, 64, 256, 4096);
    }

    public SpecLimits withMaxJobCount(int count) {
        return new SpecLimits(count, maxTimeoutSeconds, maxSpecBytes, maxNameLength, maxPathLength, maxKeyLength,
                maxLabelValueLength, maxMetaValueLength, maxEnvValueLength, maxTasks, maxInputs, maxResults,
                maxConstraints, maxLabels, maxMeta, maxEnv, maxListParam);
    }
}
