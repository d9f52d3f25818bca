package io.bacalao.compute.health;

import io.bacalao.compute.registration.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** A compute node is ready once the orchestrator has accepted it. */
@ApplicationScoped
public class ComputeHealth {
    @Inject
    Registration registration;

    @Produces
    @Liveness
    HealthCheck live() {
        return () -> HealthCheckResponse.up("compute");
    }

    @Produces
    @Readiness
    HealthCheck joined() {
        return () -> registration.isRegistered() ? HealthCheckResponse.up("joined-orchestrator")
                : HealthCheckResponse.down("joined-orchestrator");
    }
}
