package io.bacalao.orchestrator.api;

import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.NodeConnection;
import io.bacalao.domain.model.NodeMembership;
import io.bacalao.domain.model.NodeState;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.selector.Selector;
import io.bacalao.orchestrator.nodes.NodeActions;
import io.bacalao.orchestrator.store.JobStore;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code /api/v1/orchestrator/nodes} (reference §1.5). */
@RequestScoped
@Path("api/v1/orchestrator/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {
    @Inject
    NodeStore nodes;
    @Inject
    NodeActions actions;
    @Inject
    JobStore jobs;

    @GET
    public ApiModels.ListNodesResponse list(@QueryParam("limit") String limitText,
                                       @QueryParam("order_by") String orderBy, @QueryParam("reverse") String reverse,
                                       @QueryParam("labels") List<String> labels,
                                       @QueryParam("filter-approval") String approval,
                                       @QueryParam("filter-status") String status) {
        int limit = QueryParams.limit(limitText, QueryParams.MAX_LIMIT);
        Comparator<NodeState> order = order(QueryParams.text("order_by", orderBy));
        if (QueryParams.bool("reverse", reverse)) order = order.reversed();
        Selector selector = JobsResource.Selectors.parse(QueryParams.labels(labels));
        String wantApproval = oneOf("filter-approval", approval, NodeMembership.values());
        String wantStatus = oneOf("filter-status", status, NodeConnection.values());
        List<NodeState> result = nodes.list().stream()
                .filter(n -> selector.matches(n.info().labels()))
                .filter(n -> wantApproval.isEmpty() || n.membership().name().equals(wantApproval))
                .filter(n -> wantStatus.isEmpty() || n.connection().name().equals(wantStatus))
                .sorted(order).toList();
        if (limit > 0 && result.size() > limit) result = result.subList(0, limit);
        return new ApiModels.ListNodesResponse("", result);
    }

    @GET
    @Path("{id}")
    public ApiModels.GetNodeResponse get(@PathParam("id") String id) {
        return new ApiModels.GetNodeResponse(nodes.get(id));
    }

    /**
     * Bacalao's addition for the web UI's node page (docs/webui.md): the node's executions that are not over,
     * oldest first, at most {@code limit} (default 100), as {@code {"Items":[…],"NextToken":""}}; 404 for an unknown node.
     */
    @GET
    @Path("{id}/executions")
    public ApiModels.ListResponse<Execution> executions(@PathParam("id") String id, @QueryParam("limit") String limit) {
        String nodeId = nodes.get(id).info().nodeId();
        return new ApiModels.ListResponse<>(jobs.liveExecutionsOn(nodeId, QueryParams.limit(limit, 100)), "");
    }

    /** approve | reject | delete, with Bacalhau's answer {"Success":true} and its errors (404, 409, 500 unsupported action). */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiModels.PutNodeResponse update(@PathParam("id") String id, ApiModels.PutNodeRequest request) {
        actions.apply(id, request == null ? null : request.action(), request == null ? null : request.message());
        return new ApiModels.PutNodeResponse(true, null);
    }

    /** An enum name in any case, or "" when absent; anything else is a 400 listing the names. */
    private static String oneOf(String param, String value, Enum<?>[] names) {
        String v = value == null ? "" : QueryParams.text(param, value).trim().toUpperCase(Locale.ROOT);
        if (v.isEmpty() || Arrays.stream(names).anyMatch(n -> n.name().equals(v))) return v;
        throw new BadParameterException("invalid " + param + ": " + QueryParams.shorten(value) + " (use one of "
                + Arrays.stream(names).map(Enum::name).toList() + ")");
    }

    private static Comparator<NodeState> order(String orderBy) {
        return switch (orderBy == null || orderBy.isBlank() ? "id" : orderBy) {
            case "id" -> Comparator.comparing(NodeState::id);
            case "type" -> Comparator.comparing((NodeState n) -> n.info().nodeType().name()).thenComparing(NodeState::id);
            case "approval" -> Comparator.comparing((NodeState n) -> n.membership().name()).thenComparing(NodeState::id);
            case "status" -> Comparator.comparing((NodeState n) -> n.connection().name()).thenComparing(NodeState::id);
            case "available_cpu" -> byAvailable(Resources::cpu);
            case "available_memory" -> byAvailable(r -> (double) r.memory());
            case "available_disk" -> byAvailable(r -> (double) r.disk());
            case "available_gpu" -> byAvailable(r -> (double) r.gpu());
            default -> throw new BadParameterException("invalid order_by: " + orderBy);
        };
    }

    private static Comparator<NodeState> byAvailable(Function<Resources, Double> dimension) {
        return Comparator.comparing((NodeState n) -> n.info().computeNodeInfo() == null ? 0.0
                : dimension.apply(n.info().computeNodeInfo().availableCapacity())).thenComparing(NodeState::id);
    }
}
