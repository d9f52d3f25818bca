package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.ConnectionState;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node the orchestrator knows: its last info, membership and liveness (times in epoch milliseconds). */
@Entity
@Table(name = "ORCH_NODE", indexes = {
        // the liveness check: connected nodes silent since a cutoff (NodeStore.silentSince)
        @Index(name = "ORCH_NODE_LIVENESS", columnList = "CONNECTION_STATE,LAST_HEARTBEAT")})
public class NodeEntity {
    @Id
    @Column(name = "ID", length = 128)
    private String id;
    @Column(name = "MEMBERSHIP", length = 16, nullable = false)
    private String membership;
    @Column(name = "CONNECTION_STATE", length = 16, nullable = false)
    private String connection;
    @Column(name = "LAST_HEARTBEAT", nullable = false)
    private long lastHeartbeat;
    @Column(name = "CONNECTED_SINCE", nullable = false)
    private long connectedSince;
    @Column(name = "DISCONNECTED_SINCE", nullable = false)
    private long disconnectedSince;
    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;
    @Column(name = "LAST_ERROR", length = 1024)
    private String lastError;
    /** JSON ({@link JsonColumn}). */
    @Column(name = "INFO", nullable = false, length = JsonColumn.MAX_CHARS)
    private String info;

    protected NodeEntity() {
    }

    public NodeEntity(NodeInfo info, NodeMembership membership, Instant now) {
        this.id = info.nodeId();
        this.membership = membership.name();
        this.info = Json.write(info);
        connect(now);
    }

    public NodeState toNodeState() {
        ConnectionState cs = new ConnectionState(NodeConnection.valueOf(connection), time(lastHeartbeat), lastSeq, 0,
                time(connectedSince), time(disconnectedSince), lastError);
        return new NodeState(Json.read(info, NodeInfo.class), NodeMembership.valueOf(membership), cs);
    }

    private static Instant time(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    public String id() {
        return id;
    }

    public NodeMembership membership() {
        return NodeMembership.valueOf(membership);
    }

    public void membership(NodeMembership m) {
        this.membership = m.name();
    }

    public boolean isConnected() {
        return NodeConnection.CONNECTED.name().equals(connection);
    }

    public void info(NodeInfo newInfo) {
        this.info = Json.write(newInfo);
    }

    /**
     * The orchestrator's own periodic registration of this row. On a hybrid node the compute side shares the node ID
     * and its handshake and info updates store what the node can run: that info is kept (replacing it with the bare
     * requester info would hide the node from the scheduler until its next info update); only the connection is
     * refreshed.
     */
    public void refreshSelf(NodeInfo requester, Instant now) {
        if (Json.read(info, NodeInfo.class).computeNodeInfo() == null) info(requester);
        connect(now);
    }

    public final void connect(Instant now) {
        if (!isConnected()) connectedSince = now.toEpochMilli();
        connection = NodeConnection.CONNECTED.name();
        lastHeartbeat = now.toEpochMilli();
        lastError = null;
    }

    public void heartbeat(long seq, Instant now) {
        lastSeq = Math.max(lastSeq, seq);
        lastHeartbeat = now.toEpochMilli();
    }

    public void disconnect(String why, Instant now) {
        connection = NodeConnection.DISCONNECTED.name();
        disconnectedSince = now.toEpochMilli();
        lastError = why;
    }

    /** Records why the node is not connected without changing when it left. */
    public void lastError(String why) {
        this.lastError = why;
    }

    public long lastHeartbeatMillis() {
        return lastHeartbeat;
    }
}
