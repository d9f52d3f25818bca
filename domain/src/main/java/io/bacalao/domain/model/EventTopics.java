package io.bacalao.domain.model;

/** Event topics and messages users see in history (reference §3.6). */
public final class EventTopics {
    public static final String SUBMISSION = "Submission";
    public static final String STATE_UPDATE = "State Update";
    public static final String SCHEDULING = "Scheduling";
    public static final String QUEUEING = "Queueing";
    public static final String EXEC_TIMEOUT = "Exec Timeout";
    public static final String JOB_TIMEOUT = "Job Timeout";
    public static final String EXECUTION = "Execution";
    public static final String EXEC_SCANNING = "Exec Scanning";
    public static final String DOWNLOADING_INPUTS = "Downloading Inputs";
    public static final String PREPARING_ENVIRONMENT = "Preparing Environment";
    public static final String RUNNING_EXECUTION = "Running Execution";
    public static final String PUBLISHING_RESULTS = "Publishing Results";
    public static final String RESTART = "Restart";

    public static final String JOB_SUBMITTED = "Job submitted";
    public static final String JOB_UPDATED = "Job updated";
    public static final String JOB_STOP_REQUESTED = "Job requested to stop before completion";
    public static final String JOB_RERUN = "Job rerun requested";
    public static final String COMPLETED_SUCCESSFULLY = "Completed successfully";
    public static final String RUNNING = "Running";

    private EventTopics() {
    }
}
