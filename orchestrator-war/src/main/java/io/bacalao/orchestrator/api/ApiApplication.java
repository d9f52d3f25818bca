package io.bacalao.orchestrator.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * Bacalhau's REST API. Mounted at the root so that unknown paths also get Bacalhau's error body. The
 * server's JSON-B and JSON-P features are switched off: all JSON goes through {@link JsonProvider}.
 */
@ApplicationPath("/")
public class ApiApplication extends Application {
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.disableJsonBinding", true, "jersey.config.disableJsonProcessing", true,
                "jersey.config.server.disableMoxyJson", true);
    }
}
