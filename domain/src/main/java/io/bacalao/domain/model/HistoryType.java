package io.bacalao.domain.model;

/** Level of a history entry; JSON is the name. */
public enum HistoryType {
    Undefined, JobLevel, ExecutionLevel
}
