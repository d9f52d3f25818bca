package io.bacalao.compute.api;

import io.bacalao.compute.capacity.NodeCapacity;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.outbox.Outbox;
import io.bacalao.compute.outbox.OutboxSender;
import io.bacalao.compute.registration.Registration;
import io.bacalao.compute.store.ExecutionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code GET /api/v1/agent/debug} shows of a compute node, one entry per component (Bacalhau's debug
 * providers): its link to the orchestrator, the engines it offers now, its capacity and use, its executions by
 * state and the reports waiting in its outbox (and those it set aside as refused). Read-only; nothing secret (the broker URL is shown redacted).
 */
@ApplicationScoped
public class ComputeDebug {
    @Inject
    Registration registration;
    @Inject
    Executors executors;
    @Inject
    NodeCapacity capacity;
    @Inject
    ExecutionStore store;
    @Inject
    Outbox outbox;
    @Inject
    OutboxSender sender;

    public Map<String, Object> components() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Registration", registration.debugInfo());
        c.put("Engines", executors.engines());
        Map<String, Object> use = new LinkedHashMap<>();
        use.put("Max", capacity.max());
        use.put("Available", capacity.available());
        use.put("Running", capacity.runningCount());
        use.put("Queued", capacity.queuedCount());
        c.put("Capacity", use);
        c.put("Executions", store.countsByState());
        c.put("Outbox", Map.of("Pending", sender.pending(), "Parked", outbox.parked()));
        return c;
    }
}
