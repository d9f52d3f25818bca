package io.bacalao.domain.model;

/** Why an evaluation was created (Evaluation.TriggeredBy). */
public final class EvaluationTrigger {
    public static final String JOB_REGISTER = "job-register";
    public static final String JOB_UPDATE = "job-update";
    public static final String JOB_RERUN = "job-rerun";
    public static final String JOB_CANCEL = "job-cancel";
    public static final String JOB_QUEUE = "job-queue";
    public static final String JOB_TIMEOUT = "job-timeout";
    public static final String EXEC_UPDATE = "exec-update";
    public static final String EXEC_TIMEOUT = "exec-timeout";
    public static final String EXEC_LIMIT = "exec-limit";
    public static final String EXEC_FAILURE = "exec-failure";
    public static final String NODE_JOIN = "node-join";
    public static final String NODE_LEAVE = "node-leave";

    private EvaluationTrigger() {
    }
}
