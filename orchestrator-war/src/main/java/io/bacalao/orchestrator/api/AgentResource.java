package io.bacalao.orchestrator.api;

import io.bacalao.domain.api.ApiModels;
import io.bacalao.domain.model.BuildVersionInfo;
import io.bacalao.domain.model.NodeInfo;
import io.bacalao.domain.model.NodeState;
import io.bacalao.orchestrator.config.NodeSettings;
import io.bacalao.orchestrator.messaging.DeadLetters;
import io.bacalao.orchestrator.nodes.NodeSnapshot;
import io.bacalao.orchestrator.nodes.SelfRegistration;
import io.bacalao.orchestrator.store.StoreSize;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /api/v1/agent}: liveness, version, this node's info and its configuration (secrets redacted). */
@RequestScoped
@Path("api/v1/agent")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
    @Inject
    NodeSettings settings;
    @Inject
    SelfRegistration self;
    @Inject
    NodeSnapshot snapshot;
    @Inject
    DeadLetters deadLetters;
    @Inject
    StoreSize store;

    @GET
    @Path("alive")
    public ApiModels.AliveResponse alive() {
        return new ApiModels.AliveResponse("OK");
    }

    @GET
    @Path("version")
    public BuildVersionInfo version() {
        return settings.version();
    }

    /** Bacalhau's {@code GET /api/v1/agent/authconfig}: the OAuth2 settings the CLI's SSO login needs (public). */
    @GET
    @Path("authconfig")
    public Map<String, Object> authConfig() {
        var s = ApiAuth.settings();
        return Map.of("Version", "1.0.0", "Config", s == null ? Map.of() : s.oauth2().asJson());
    }

    @GET
    @Path("node")
    public NodeInfo node() {
        return self.info();
    }

    @GET
    @Path("config")
    public Map<String, Object> config() {
        return Map.of("config", settings.config().asAgentConfig());
    }

    /**
     * One entry per component, as Bacalhau's debug providers give them: this node and its broker, and node
     * discovery (the nodes this orchestrator knows, by connection and by membership), what its inbox could not
     * apply ({@link DeadLetters}), and the rows in each table of its job store ({@link StoreSize}).
     */
    @GET
    @Path("debug")
    public Map<String, Object> debug() {
        Map<String, Object> discovery = new java.util.LinkedHashMap<>();
        List<NodeState> nodes = snapshot.all();
        discovery.put("Nodes", nodes.size());
        discovery.put("ByConnection", nodes.stream().collect(Collectors.groupingBy(n -> n.connection().name(),
                java.util.TreeMap::new, Collectors.counting())));
        discovery.put("ByMembership", nodes.stream().collect(Collectors.groupingBy(n -> n.membership().name(),
                java.util.TreeMap::new, Collectors.counting())));
        return Map.of("Orchestrator", Map.of("NodeID", settings.nodeId(), "BrokerURL", settings.brokerUrl()),
                "NodeDiscovery", discovery, "DeadLetters", deadLetters.snapshot(),
                "Store", storeRows());
    }

    /** The store's row counts, or why there are none (the debug route answers while the store is down). */
    private Object storeRows() {
        try {
            return store.rows();
        } catch (RuntimeException e) {
            return Map.of("Error", "the job store is not available: " + e.getMessage());
        }
    }
}
