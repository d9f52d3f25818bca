package io.bacalao.orchestrator.api;

import io.bacalao.domain.config.BuildVersion;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bacalhau's client-version gate (reference §1.1): a client that names its version in X-Bacalhau-Git-Version
 * gets 400 when the version cannot be read and 403 when it is older than 1.4.0. Clients that send no version,
 * a development version (v0.0.0-…) or "unknown" pass. These two answers keep Bacalhau's own body shape.
 */
@Provider
@PreMatching
public class ClientVersionGate implements ContainerRequestFilter {
    static final String HEADER = "X-Bacalhau-Git-Version";
    private static final Pattern SEMVER = Pattern.compile("^v?(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})([-+].*)?$");
    private static final int[] MINIMUM = {1, 4, 0};

    @Override
    public void filter(ContainerRequestContext request) {
        String v = request.getHeaderString(HEADER);
        if (v == null || v.isBlank() || v.startsWith("v0.0.0") || v.equalsIgnoreCase("unknown")) return;
        Matcher m = SEMVER.matcher(v.trim());
        if (!m.matches()) {
            request.abortWith(answer(400, Map.of("Error", "Invalid client version " + v)));
            return;
        }
        int[] got = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        if (compare(got, MINIMUM) < 0) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("Error", "Client version is outdated. Update your client");
            body.put("MinVersion", "1.4.0");
            body.put("ClientVersion", v);
            body.put("ServerVersion", BuildVersion.COMPATIBLE_BACALHAU_VERSION);
            request.abortWith(answer(403, body));
        }
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        }
        return 0;
    }

    private static Response answer(int status, Map<String, String> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
