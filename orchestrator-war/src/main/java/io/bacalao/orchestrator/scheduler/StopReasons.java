package io.bacalao.orchestrator.scheduler;

/** Why the scheduler stops an execution: Bacalhau's event messages (reference §3.6). */
public final class StopReasons {
    public static final String JOB_STOPPED = "Execution stop requested because job has been stopped";
    public static final String NODE_LOST = "Execution stop requested because node has disappeared";
    public static final String NODE_REJECTED = "Execution stop requested because node has been rejected";
    public static final String TOO_MANY = "Execution stop requested because there are more executions than needed";
    public static final String JOB_FAILED = "Execution stopped due to job failure";
    public static final String JOB_UPDATED = "Execution stopped for job update";
    public static final String EXECUTION_TIMED_OUT = "Execution timed out";
    public static final String JOB_TIMED_OUT = "Job timed out";
    public static final String TIMEOUT_HINT = "Increase the task timeout or allocate more resources";
    public static final String EXECUTIONS_FAILED = "Job failed because one or more executions failed";

    private StopReasons() {
    }
}
