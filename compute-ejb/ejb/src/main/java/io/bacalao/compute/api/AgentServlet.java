package io.bacalao.compute.api;

import io.bacalao.compute.config.ComputeSettings;
import io.bacalao.compute.registration.NodeInfoFactory;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.auth.AuthSettings;
import io.bacalao.domain.auth.Decision;
import io.bacalao.domain.auth.EntryPointAuthorizer;
import io.bacalao.domain.auth.Refusals;
import io.bacalao.domain.error.ApiError;
import io.bacalao.domain.spec.Json;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Bacalhau's agent routes on a compute node's API port ({@code pkg/publicapi/endpoint/agent/endpoint.go}):
 * {@code alive}, {@code version}, {@code node} (this node's info, as it sends it to the orchestrator),
 * {@code config} (the effective config, secrets as {@code ********}) and {@code debug} ({@link ComputeDebug}). A
 * compute-only node serves them at its root (its WAR is deployed at "/", see payara NodeProcess); on a hybrid
 * node the orchestrator's API answers them. With {@code API.Auth} set they are protected as the orchestrator's
 * are ({@link EntryPointAuthorizer}: alive and version open, the others need the agent capability); any other
 * path under {@code /api/v1} gets Bacalhau's 404 body.
 */
@WebServlet(urlPatterns = "/api/v1/*")
public class AgentServlet extends HttpServlet {
    private static final String COMPONENT = "ComputeAgent";
    @Inject
    ComputeSettings settings;
    @Inject
    NodeInfoFactory info;
    @Inject
    ComputeDebug debug;
    /** Null when the API is open (no users, no OAuth2 provider). */
    private EntryPointAuthorizer authorizer;

    @Override
    public void init() {
        AuthSettings auth = AuthSettings.from(settings.config());
        authorizer = auth.enabled() ? new EntryPointAuthorizer(auth, Clock.systemUTC()) : null;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = "/api/v1" + (req.getPathInfo() == null ? "" : req.getPathInfo());
        String requestId = UUID.randomUUID().toString();
        if (authorizer != null) {
            Decision d = authorizer.authorize("GET", path, req.getHeader("Authorization"));
            if (!d.approved()) {
                ApiError refusal = Refusals.of(d, requestId);
                write(resp, refusal.status(), refusal);
                return;
            }
        }
        Object body = switch (path) {
            case "/api/v1/agent/alive" -> Map.of("Status", "OK");
            case "/api/v1/agent/version" -> BuildVersion.current();
            case "/api/v1/agent/node" -> info.current();
            case "/api/v1/agent/config" -> Map.of("config", settings.config().asAgentConfig());
            case "/api/v1/agent/debug" -> debug.components();
            default -> null;
        };
        if (body == null) {
            write(resp, 404, new ApiError(404, "route " + path + " not found on this compute node (it serves "
                    + "/api/v1/agent/*; jobs and nodes are the orchestrator's)", requestId, "NotFound", COMPONENT, "", Map.of()));
            return;
        }
        write(resp, 200, body);
    }

    private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(Json.mapper().writeValueAsBytes(body));
    }
}
