package io.bacalao.orchestrator.scheduler;

import io.bacalao.domain.model.ComputeNodeInfo;
import io.bacalao.domain.model.ConnectionState;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.NodeType;
import io.bacalao.domain.model.Resources;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node for scenarios, named by number: {@code aNode(3)} has ID {@code n-00000003-…} (short ID {@code n-00000003}).
 * Defaults: an approved, connected compute node running docker and wasm with 8 CPU / 16 GB / 100 GB free.
 */
public final class NodeBuilder {
    public static final Resources DEFAULT_CAPACITY = Resources.of(8, 16_000_000_000L, 100_000_000_000L, 0);

    private final String id;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private List<String> engines = List.of("docker", "wasm");
    private List<String> publishers = List.of("local", "s3");
    private List<String> storages = List.of("urlDownload", "s3");
    private Resources max = DEFAULT_CAPACITY;
    private Resources available;
    private Resources queued = Resources.ZERO;
    private Resources maxJob;
    private NodeMembership membership = NodeMembership.APPROVED;
    private NodeConnection connection = NodeConnection.CONNECTED;
    private NodeType type = NodeType.Compute;
    private java.time.Duration connectedFor = java.time.Duration.ofMinutes(10);

    private NodeBuilder(String id) {
        this.id = id;
    }

    public static NodeBuilder aNode(int number) {
        return new NodeBuilder(nodeId(number));
    }

    public static String nodeId(int number) {
        return String.format("n-%08d-0000-4000-8000-000000000000", number);
    }

    public static String shortNodeId(int number) {
        return String.format("n-%08d", number);
    }

    public String id() {
        return id;
    }

    public NodeBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public NodeBuilder engines(String... e) {
        engines = List.of(e);
        return this;
    }

    public NodeBuilder publishers(String... p) {
        publishers = List.of(p);
        return this;
    }

    public NodeBuilder storages(String... s) {
        storages = List.of(s);
        return this;
    }

    /** Total capacity; free capacity follows unless set with {@link #available}. */
    public NodeBuilder capacity(Resources r) {
        max = r;
        return this;
    }

    public NodeBuilder available(Resources r) {
        available = r;
        return this;
    }

    public NodeBuilder queued(Resources r) {
        queued = r;
        return this;
    }

    /** MaxJobRequirements: the largest job the node takes (defaults to its capacity). */
    public NodeBuilder maxJob(Resources r) {
        maxJob = r;
        return this;
    }

    public NodeBuilder membership(NodeMembership m) {
        membership = m;
        return this;
    }

    public NodeBuilder disconnected() {
        connection = NodeConnection.DISCONNECTED;
        return this;
    }

    /** How long before "now" the node (re)connected (default 10 minutes). */
    public NodeBuilder connectedAgo(java.time.Duration d) {
        connectedFor = d;
        return this;
    }

    public NodeBuilder requester() {
        type = NodeType.Requester;
        return this;
    }

    public NodeState build(Instant now) {
        ComputeNodeInfo compute = type == NodeType.Compute
                ? new ComputeNodeInfo(engines, publishers, storages, max, queued, available == null ? max : available,
                maxJob, 0, 0, "")
                : null;
        ConnectionState conn = connection == NodeConnection.CONNECTED
                ? ConnectionState.connected(now.minus(connectedFor))
                : new ConnectionState(connection, now.minusSeconds(120), 0, 0, null, now.minusSeconds(60), null);
        return new NodeState(new NodeInfo(id, type, labels, List.of("ncl/v1"), compute, null), membership, conn);
    }
}
