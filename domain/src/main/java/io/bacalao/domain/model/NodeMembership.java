package io.bacalao.domain.model;

/** Whether the orchestrator lets a node take work. */
public enum NodeMembership {
    PENDING, APPROVED, REJECTED
}
