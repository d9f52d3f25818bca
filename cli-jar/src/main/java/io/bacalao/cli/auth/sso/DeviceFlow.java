package io.bacalao.cli.auth.sso;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.cli.CliException;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The OAuth 2.0 device authorization grant (RFC 8628) against the provider the orchestrator names in
 * {@code GET /api/v1/agent/authconfig}: ask the device endpoint for a user code, show the user where to enter it,
 * then poll the token endpoint at the interval the provider asks for ({@code slow_down} adds 5 s, as §3.5 says)
 * until it answers with a token, refuses ({@code access_denied}), or the device code expires. Waiting goes through
 * {@link Sleeper} and time through the {@link Clock}, so tests run the whole exchange without real waiting.
 */
public final class DeviceFlow {
    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Waits between polls. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The provider's settings, as the orchestrator's authconfig gives them (Bacalhau's key names). */
    public record Provider(String name, URI deviceEndpoint, URI tokenEndpoint, String clientId, List<String> scopes,
                           String audience, int pollingIntervalSeconds) {
        public static Provider from(Map<?, ?> config) {
            String device = text(config.get("DeviceAuthorizationEndpoint"));
            String token = text(config.get("TokenEndpoint"));
            if (device.isEmpty() || token.isEmpty()) {
                throw new CliException("the orchestrator has no SSO provider for the device login"
                        + " (API.Auth.Oauth2.DeviceAuthorizationEndpoint and TokenEndpoint are not set)",
                        "use an API key or a username and password instead (bacalao auth info)");
            }
            List<String> scopes = config.get("Scopes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            int interval = config.get("PollingInterval") instanceof Number n ? n.intValue() : 0;
            String name = text(config.get("ProviderName"));
            return new Provider(name.isEmpty() ? text(config.get("ProviderID")) : name, URI.create(device),
                    URI.create(token), text(config.get("DeviceClientID")), scopes, text(config.get("Audience")), interval);
        }

        private static String text(Object o) {
            return o == null ? "" : o.toString();
        }
    }

    /** What the device endpoint answered: the code the user enters and where. */
    public record Authorization(String deviceCode, String userCode, String verificationUri,
                                String verificationUriComplete, Duration expiresIn, Duration interval) {
    }

    private final Provider provider;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeviceFlow(Provider provider, Clock clock, Sleeper sleeper) {
        this.provider = provider;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Runs the whole grant; {@code show} is told what the user must do before polling starts. */
    public SsoTokens.Token login(Consumer<Authorization> show) throws InterruptedException {
        Authorization a = authorize();
        show.accept(a);
        return poll(a);
    }

    Authorization authorize() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", provider.clientId());
        if (!provider.scopes().isEmpty()) form.put("scope", String.join(" ", provider.scopes()));
        if (!provider.audience().isEmpty()) form.put("audience", provider.audience());
        Answer r = post(provider.deviceEndpoint(), form);
        if (r.status() != 200) throw refused("device authorization endpoint", r);
        JsonNode j = r.json();
        String deviceCode = j.path("device_code").asText("");
        String userCode = j.path("user_code").asText("");
        if (deviceCode.isEmpty() || userCode.isEmpty()) {
            throw new CliException("the SSO provider's device authorization answer has no device_code or user_code", null);
        }
        int interval = j.path("interval").asInt(0);
        if (interval <= 0) interval = provider.pollingIntervalSeconds() > 0 ? provider.pollingIntervalSeconds() : 5;
        return new Authorization(deviceCode, userCode, j.path("verification_uri").asText(""),
                j.path("verification_uri_complete").asText(""), Duration.ofSeconds(j.path("expires_in").asLong(600)),
                Duration.ofSeconds(interval));
    }

    SsoTokens.Token poll(Authorization a) throws InterruptedException {
        Instant deadline = clock.instant().plus(a.expiresIn());
        Duration interval = a.interval();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("device_code", a.deviceCode());
        form.put("client_id", provider.clientId());
        while (true) {
            sleeper.sleep(interval);
            if (!clock.instant().isBefore(deadline)) throw expired();
            Answer r = post(provider.tokenEndpoint(), form);
            JsonNode j = r.json();
            if (r.status() == 200 && !j.path("access_token").asText("").isEmpty()) {
                long expiresIn = j.path("expires_in").asLong(0);
                return new SsoTokens.Token(j.path("access_token").asText(), j.path("token_type").asText("Bearer"),
                        expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null);
            }
            switch (j.path("error").asText("")) {
                case "authorization_pending" -> {
                }
                case "slow_down" -> interval = interval.plusSeconds(5);
                case "expired_token" -> throw expired();
                case "access_denied" -> throw new CliException("the SSO login was refused at the provider (access_denied)", null);
                default -> throw refused("token endpoint", r);
            }
        }
    }

    private static CliException expired() {
        return new CliException("the SSO login code expired before it was used", "run bacalao auth sso login again");
    }

    private static CliException refused(String what, Answer r) {
        JsonNode j = r.json();
        String why = j.path("error_description").asText(j.path("error").asText(""));
        return new CliException("the SSO provider's " + what + " answered " + r.status()
                + (why.isEmpty() ? "" : ": " + why), null);
    }

    private record Answer(int status, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                return Json.mapper().createObjectNode();
            }
        }
    }

    private static Answer post(URI uri, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setRequestMethod("POST");
            c.setConnectTimeout((int) TIMEOUT.toMillis());
            c.setReadTimeout((int) TIMEOUT.toMillis());
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            c.setRequestProperty("Accept", "application/json");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.getOutputStream().write(bytes);
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new CliException("could not reach the SSO provider at " + uri + ": " + e.getMessage(), null);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
