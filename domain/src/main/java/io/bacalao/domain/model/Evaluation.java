package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A request to (re)schedule one job, persisted with the change that caused it. WaitUntil is Unix nanoseconds (0 = now). */
public record Evaluation(
        @JsonProperty("ID") String id,
        @JsonProperty("Namespace") String namespace,
        @JsonProperty("JobID") String jobId,
        @JsonProperty("TriggeredBy") String triggeredBy,
        @JsonProperty("Priority") int priority,
        @JsonProperty("Type") String type,
        @JsonProperty("Status") EvaluationStatus status,
        @JsonProperty("Comment") String comment,
        @JsonProperty("WaitUntil") long waitUntil,
        @JsonProperty("CreateTime") long createTime,
        @JsonProperty("ModifyTime") long modifyTime) {

    public static Evaluation create(Job job, String trigger, long nowNanos) {
        return new Evaluation(Ids.newEvaluationId(), job.namespace(), job.id(), trigger, job.priority(), job.type(),
                EvaluationStatus.PENDING, "", 0, nowNanos, nowNanos);
    }

    public Evaluation delayedUntil(long waitUntilNanos) {
        return new Evaluation(id, namespace, jobId, triggeredBy, priority, type, status, comment, waitUntilNanos,
                createTime, modifyTime);
    }

    public Evaluation withStatus(EvaluationStatus s, String why, long nowNanos) {
        return new Evaluation(id, namespace, jobId, triggeredBy, priority, type, s, why, waitUntil, createTime, nowNanos);
    }
}
