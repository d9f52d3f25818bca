package io.bacalao.cli.auth.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bacalao.cli.CliException;
import io.bacalao.cli.CliRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow against a provider the test serves, which is also the orchestrator: its authconfig names the
 * provider's endpoints, and its job list answers only to the token the provider issued.
 */
class SsoLoginTest {
    private static final String TOKEN = "eyJ.test-issued-token";
    private HttpServer server;
    /** The token endpoint's answers, in order (the last one repeats). */
    private final Deque<String> tokenAnswers = new ConcurrentLinkedDeque<>();
    private final List<String> forms = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    @TempDir
    Path dataDir;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        String answer;
        int status = 200;
        switch (path) {
            case "/api/v1/agent/authconfig" -> answer = """
                    {"Version":"1.0.0","Config":{"ProviderID":"test","ProviderName":"Test IdP",
                     "DeviceAuthorizationEndpoint":"%s/device","TokenEndpoint":"%s/token","DeviceClientID":"cli",
                     "Scopes":["openid","profile"],"Audience":"bacalao"}}""".formatted(base(), base());
            case "/device" -> {
                forms.add(body);
                answer = """
                        {"device_code":"dev-1","user_code":"ABCD-EFGH","verification_uri":"%s/activate",
                         "verification_uri_complete":"%s/activate?user_code=ABCD-EFGH","expires_in":600,"interval":1}"""
                        .formatted(base(), base());
            }
            case "/token" -> {
                forms.add(body);
                answer = tokenAnswers.size() > 1 ? tokenAnswers.poll() : tokenAnswers.peek();
                if (answer.contains("\"error\"")) status = 400;
            }
            case "/api/v1/orchestrator/jobs" -> {
                String auth = x.getRequestHeaders().getFirst("Authorization");
                authorizations.add(String.valueOf(auth));
                if (("Bearer " + TOKEN).equals(auth)) {
                    answer = "{\"Items\":[],\"NextToken\":\"\"}";
                } else {
                    status = 401;
                    answer = "{\"Status\":401,\"Message\":\"missing credentials\",\"Component\":\"Authorizer\"}";
                }
            }
            default -> {
                status = 404;
                answer = "{}";
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api-host", "127.0.0.1", "--api-port", String.valueOf(server.getAddress().getPort()),
                "--data-dir", dataDir.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private DeviceFlow flow(List<Duration> waits) {
        var provider = new DeviceFlow.Provider("Test IdP", URI.create(base() + "/device"), URI.create(base() + "/token"),
                "cli", List.of(), "", 0);
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        return new DeviceFlow(provider, clock, waits::add);
    }

    @Test
    void loginStoresTheTokenPrivatelyAndLaterCommandsSendIt() throws IOException {
        // the provider's interval is 1 s: the CLI really waits it twice here
        tokenAnswers.add("{\"error\":\"authorization_pending\"}");
        tokenAnswers.add("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        assertEquals(401, statusOfJobList(), "the job list must need the token before the login");

        CliRun login = cli("auth", "sso", "login");
        assertEquals(0, login.exitCode(), login.err());
        assertTrue(login.err().contains("enter the code: ABCD-EFGH"), login.err());
        assertTrue(forms.get(0).contains("client_id=cli") && forms.get(0).contains("scope=openid+profile")
                && forms.get(0).contains("audience=bacalao"), forms.toString());
        assertTrue(forms.get(1).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code")
                && forms.get(1).contains("device_code=dev-1"), forms.toString());

        Path file = dataDir.resolve(SsoTokens.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(TOKEN + "\n", cli("auth", "sso", "token").out());
        assertEquals(200, statusOfJobList());
        assertEquals("Bearer " + TOKEN, authorizations.get(authorizations.size() - 1));

        assertTrue(cli("auth", "sso", "logout", "-f").out().startsWith("Logged out"));
        CliRun none = cli("auth", "sso", "token");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().startsWith("Error: not logged in"), none.err());
        assertEquals(401, statusOfJobList());
    }

    private int statusOfJobList() {
        CliRun r = cli("job", "list");
        return r.exitCode() == 0 ? 200 : 401;
    }

    @Test
    void slowDownAddsFiveSecondsToTheInterval() throws InterruptedException {
        tokenAnswers.add("{\"error\":\"slow_down\"}");
        tokenAnswers.add("{\"error\":\"authorization_pending\"}");
        tokenAnswers.add("{\"access_token\":\"t\",\"token_type\":\"Bearer\"}");
        List<Duration> waits = new ArrayList<>();
        SsoTokens.Token t = flow(waits).login(a -> { });
        assertEquals("t", t.accessToken());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(6)), waits);
    }

    @Test
    void aRefusedOrExpiredLoginIsAClearError() {
        tokenAnswers.add("{\"error\":\"access_denied\"}");
        CliException denied = assertThrows(CliException.class, () -> flow(new ArrayList<>()).login(a -> { }));
        assertTrue(denied.getMessage().contains("access_denied"), denied.getMessage());

        tokenAnswers.clear();
        tokenAnswers.add("{\"error\":\"expired_token\"}");
        CliException expired = assertThrows(CliException.class, () -> flow(new ArrayList<>()).login(a -> { }));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());

        tokenAnswers.clear();
        tokenAnswers.add("{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}");
        CliException other = assertThrows(CliException.class, () -> flow(new ArrayList<>()).login(a -> { }));
        assertTrue(other.getMessage().contains("unknown client"), other.getMessage());
    }

    @Test
    void anOrchestratorWithoutAProviderIsTold() {
        CliException e = assertThrows(CliException.class, () -> DeviceFlow.Provider.from(java.util.Map.of()));
        assertTrue(e.getMessage().contains("no SSO provider"), e.getMessage());
        assertFalse(new SsoTokens(dataDir).bearerFor(base()).isPresent());
    }

    @Test
    void anExpiredStoredTokenIsNotSent() {
        SsoTokens tokens = new SsoTokens(dataDir);
        tokens.put("http://a", new SsoTokens.Token("old", "Bearer", Instant.now().minusSeconds(1)));
        tokens.put("http://b", new SsoTokens.Token("new", "Bearer", Instant.now().plusSeconds(60)));
        assertFalse(tokens.bearerFor("http://a").isPresent());
        assertEquals("Bearer new", tokens.bearerFor("http://b").orElseThrow());
    }
}
