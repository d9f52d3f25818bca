package io.bacalao.domain.model;

/** Requester = an orchestrator node; Compute = a node that runs executions. JSON is the name. */
public enum NodeType {
    Requester, Compute
}
