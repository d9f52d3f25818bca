package io.bacalao.domain.model;

/** Whether the orchestrator hears from a node. */
public enum NodeConnection {
    CONNECTED, DISCONNECTED
}
