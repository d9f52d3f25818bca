package io.bacalao.orchestrator.jobs;

import java.util.List;

/** What a submission returns: the job's ID, the evaluation that will schedule it, and warnings. */
public record SubmitResult(String jobId, String evaluationId, List<String> warnings) {
}
