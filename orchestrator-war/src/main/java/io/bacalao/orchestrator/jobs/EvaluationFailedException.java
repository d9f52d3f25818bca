package io.bacalao.orchestrator.jobs;

/** An attempt at an evaluation failed and was counted; the broker delivers the evaluation again. */
public class EvaluationFailedException extends RuntimeException {
    public EvaluationFailedException(String evaluationId, String why) {
        super("evaluation " + evaluationId + " failed: " + why, null, false, false);
    }
}
