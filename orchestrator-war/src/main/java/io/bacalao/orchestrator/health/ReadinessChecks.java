package io.bacalao.orchestrator.health;

import io.bacalao.orchestrator.messaging.Broker;
import io.bacalao.orchestrator.store.NodeStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health: live while the app runs; ready when the job store and the broker answer and the embedded
 * broker's disk is below the limit at which it stops taking messages.
 */
@ApplicationScoped
public class ReadinessChecks {
    @Inject
    NodeStore nodes;
    @Inject
    Broker broker;
    @Inject
    BrokerDisk brokerDisk;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("orchestrator");
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try {
                nodes.list();
                return HealthCheckResponse.up("job-store");
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("job-store").down().withData("error", String.valueOf(e.getMessage())).build();
            }
        };
    }

    /** The job store's readiness, as {@link #database()} reports it (the inbox waits on it after a failure). */
    public boolean jobStoreReady() {
        return database().call().getStatus() == HealthCheckResponse.Status.UP;
    }

    @Produces
    @Readiness
    HealthCheck brokerConnection() {
        return () -> broker.isConnected() ? HealthCheckResponse.up("broker")
                : HealthCheckResponse.down("broker");
    }

    @Produces
    @Readiness
    HealthCheck brokerDiskSpace() {
        return () -> brokerDisk.problem()
                .map(p -> HealthCheckResponse.named("broker-disk").down().withData("error", p).build())
                .orElseGet(() -> HealthCheckResponse.up("broker-disk"));
    }
}
