package io.bacalao.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.auth.PasswordHashes;
import io.bacalao.it.support.Api;
import io.bacalao.it.support.Browser;
import io.bacalao.it.support.CliProcess;
import io.bacalao.it.support.RawHttp;
import io.bacalao.it.support.ServeProcess;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.TestPorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Bacalhau's {@code 17_basic_auth_enabled_orchestrator.yaml}, unchanged, under {@code bacalao serve --config}
 * (a real process, plus loopback ports, a data dir and a test OAuth2 provider given with -c), driven by the CLI as
 * its own process with Bacalhau's credential variables, and over HTTP as Bacalhau's Python client and browsers do.
 */
class AuthIT {
    static final String WRITE_KEY = "P7D4CBB284634DD081FAC33868436ECCL";
    static final String READ_KEY = "QWERTYHFGCBNSKFIREHFURHUFE7KEEFBN";
    static final Map<String, String> SNOOPY = Map.of("BACALHAU_API_USERNAME", "snoopyusername", "BACALHAU_API_PASSWORD", "snoopypassword");
    static final Map<String, String> READONLY = Map.of("BACALHAU_API_USERNAME", "ReadOnlyUsername", "BACALHAU_API_PASSWORD", "readonlyuserpassword");
    static final String AUDIENCE = "https://bacalao.test/orchestrator";
    static final String ISSUER = "https://idp.test/";
    static Path root;
    static Path jobFile;
    static int apiPort;
    static ServeProcess serve;
    static JwksServer idp;
    static Api api;

    @BeforeAll
    static void serve() throws Exception {
        root = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("auth");
        TestCluster.deleteTree(root);
        Files.createDirectories(root);
        Path config = Path.of(AuthIT.class.getResource("/auth/17_basic_auth_enabled_orchestrator.yaml").toURI());
        jobFile = Files.writeString(root.resolve("job.yaml"), "Name: auth-noop\nType: batch\nCount: 1\nTasks:\n"
                + "  - Name: main\n    Engine:\n      Type: noop\n");
        idp = new JwksServer();
        apiPort = TestPorts.freeBlock(4);
        int broker = TestPorts.freeBlock(4);
        Path notActedOn = Path.of(AuthIT.class.getResource("/auth/20_orchestrator_with_minio_managed_publisher.yaml").toURI());
        List<String> args = List.of("serve", "--config", notActedOn.toString(), "--config", config.toString(), "-c", "API.Host=127.0.0.1",
                "-c", "UpdateConfig.Interval=1h", "-c", "API.Port=" + apiPort, "-c", "Orchestrator.Host=127.0.0.1", "-c", "Orchestrator.Port=" + broker,
                "-c", "DataDir=" + root.resolve("data"), "-c", "WebUI.Enabled=true", "-c", "WebUI.Listen=127.0.0.1:" + (apiPort + 2),
                "-c", "API.Auth.Oauth2.ProviderID=test", "-c", "API.Auth.Oauth2.ProviderName=Test IdP",
                "-c", "API.Auth.Oauth2.JWKSUri=" + idp.jwksUri(), "-c", "API.Auth.Oauth2.Issuer=" + ISSUER,
                "-c", "API.Auth.Oauth2.Audience=" + AUDIENCE, "-c", "API.Auth.Oauth2.DeviceClientID=bacalao-cli");
        serve = ServeProcess.start(Map.of(), args, root.resolve("serve.log"));
        api = new Api("127.0.0.1", apiPort);
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) serve.close();
        if (idp != null) idp.close();
    }

    private static CliProcess.Result cli(Map<String, String> env, String... args) throws Exception {
        String[] full = new String[args.length + 4];
        System.arraycopy(new String[]{"--api-host", "127.0.0.1", "--api-port", String.valueOf(apiPort)}, 0, full, 0, 4);
        System.arraycopy(args, 0, full, 4, args.length);
        return CliProcess.run(env, null, full);
    }

    private static Api.Response get(String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return api.send(b);
    }

    /** Submits a noop job of a name of its own (a resubmitted unchanged spec is refused as "no changes detected"). */
    private static String submit(Map<String, String> env) throws Exception {
        Path job = Files.writeString(Files.createTempFile(root, "job", ".yaml"), Files.readString(jobFile)
                .replace("auth-noop", "auth-noop-" + java.util.UUID.randomUUID()));
        CliProcess.Result r = cli(env, "job", "run", "--wait=false", "--id-only", job.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        return r.out().strip();
    }

    /**
     * A Bacalhau key Bacalao does not act on ({@code UpdateConfig.Interval}) is accepted and named in one warning
     * line; the 20 file's keys are all acted on ({@code Logging.Level}, and S3Managed by the s3managed publisher),
     * so none of them is named.
     */
    @Test
    void keysNotActedOnAreAcceptedWithOneWarningLine() throws Exception {
        List<String> warnings = Files.readAllLines(root.resolve("serve.log")).stream()
                .filter(l -> l.contains("does not act on")).toList();
        assertEquals(List.of("Warning: Bacalao accepts but does not act on these Bacalhau configuration keys:"
                + " UpdateConfig.Interval (see docs/config.md)"), warnings);
    }

    @Test
    void anonymousCallersStillReachAliveAndVersion() throws Exception {
        CliProcess.Result alive = cli(Map.of(), "agent", "alive");
        assertEquals(0, alive.code(), alive.err());
        assertTrue(alive.out().contains("OK"), alive.out());
        CliProcess.Result version = cli(Map.of(), "agent", "version");
        assertEquals(0, version.code(), version.err());
        CliProcess.Result both = cli(Map.of(), "version");
        assertEquals(0, both.code(), both.err());
        assertEquals(200, get("/api/v1/agent/version", null).status());
        assertEquals(200, get("/api/v1/auth", null).status());
    }

    @Test
    void anonymousCallersOfProtectedRoutesGet401() throws Exception {
        Api.Response r = get("/api/v1/orchestrator/jobs", null);
        assertEquals(401, r.status(), r.body());
        JsonNode b = r.json();
        assertEquals(401, b.get("Status").asInt());
        assertEquals("Request Unauthorized", b.get("Message").asText());
        assertEquals("Unauthorized", b.get("Code").asText());
        assertEquals("Authorizer", b.get("Component").asText());
        assertEquals("Unauthorized principal. Event has been recorded.", b.get("Hint").asText());
        assertEquals("Missing Authorization header", b.get("Details").get("reason").asText());
        CliProcess.Result list = cli(Map.of(), "job", "list");
        assertEquals(1, list.code());
        assertTrue(list.err().contains("Error: Request Unauthorized"), list.err());
        CliProcess.Result wrong = cli(Map.of("BACALHAU_API_USERNAME", "snoopyusername", "BACALHAU_API_PASSWORD", "wrongpassword"),
                "node", "list");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("Error: Request Unauthorized"), wrong.err());
    }

    @Test
    void aWriterSubmitsAndAReadOnlyUserDescribesButCannotWrite() throws Exception {
        String id = submit(SNOOPY);
        assertTrue(id.startsWith("j-"), id);
        CliProcess.Result describe = cli(READONLY, "job", "describe", id);
        assertEquals(0, describe.code(), describe.err());
        assertTrue(describe.out().contains(id), describe.out());
        CliProcess.Result run = cli(READONLY, "job", "run", "--wait=false", jobFile.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("Error: Request Forbidden"), run.err());
        assertTrue(run.err().contains("Hint: Check if user have access to this resource. Event has been recorded."), run.err());
        String readonly = "Basic " + java.util.Base64.getEncoder().encodeToString("readonlyusername:readonlyuserpassword".getBytes());
        Api.Response stop = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/orchestrator/jobs/" + id))
                .header("Authorization", readonly).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, stop.status(), stop.body());
        assertEquals("user 'readonlyuser' does not have the required capability 'write:job'",
                stop.json().get("Details").get("reason").asText());
        CliProcess.Result approve = cli(SNOOPY, "node", "approve", "n-anything");
        assertEquals(1, approve.code());
        // Bacalhau's node approve reports per node: "Failed to approve node n-anything: Request Forbidden"
        assertTrue((approve.out() + approve.err()).contains("Failed to approve node n-anything: Request Forbidden"),
                approve.out() + approve.err());
    }

    @Test
    void apiKeysAsTheCliAndThePythonClientSendThem() throws Exception {
        String id = submit(Map.of("BACALHAU_API_KEY", WRITE_KEY));
        CliProcess.Result nodes = cli(Map.of("BACALAO_API_KEY", READ_KEY), "node", "list");
        assertEquals(0, nodes.code(), nodes.err());
        CliProcess.Result run = cli(Map.of("BACALAO_API_KEY", READ_KEY), "job", "run", "--wait=false", jobFile.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("Error: Request Forbidden"), run.err());
        // bacalhau_apiclient: ApiClient(configuration, header_name="Authorization", header_value="Bearer <key>")
        assertEquals(200, get("/api/v1/orchestrator/jobs/" + id, "Bearer " + WRITE_KEY).status());
        Api.Response forbidden = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/v1/orchestrator/jobs"))
                .header("Authorization", "Bearer " + READ_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":{}}")));
        assertEquals(403, forbidden.status(), forbidden.body());
        assertEquals("Request Forbidden", forbidden.json().get("Message").asText());
        assertEquals("Forbidden", forbidden.json().get("Code").asText());
        assertEquals("user 'API key ending in ...EEFBN' does not have the required capability 'write:job'",
                forbidden.json().get("Details").get("reason").asText());
        assertEquals(401, get("/api/v1/orchestrator/nodes", "Bearer " + WRITE_KEY + "X").status());
    }

    @Test
    void theLogsWebsocketNeedsReadJob() throws Exception {
        String id = submit(SNOOPY);
        String path = "/api/v1/orchestrator/jobs/" + id + "/logs";
        String handshake = RawHttp.websocketHandshake("127.0.0.1", apiPort, path, null);
        RawHttp.Outcome anonymous = RawHttp.sendAndStall("127.0.0.1", apiPort, handshake, "\r\n\r\n", Duration.ofSeconds(30));
        assertTrue(anonymous.statusLine().contains(" 401"), anonymous.received());
        String withKey = handshake.replace("\r\n\r\n", "\r\nAuthorization: Bearer " + READ_KEY + "\r\n\r\n");
        RawHttp.Outcome reader = RawHttp.sendAndStall("127.0.0.1", apiPort, withKey, "\r\n\r\n", Duration.ofSeconds(30));
        assertTrue(reader.statusLine().contains(" 101"), reader.received());
    }

    @Test
    void authInfoTellsWhatTheCliSendsAndTheNodesSso() throws Exception {
        CliProcess.Result info = cli(Map.of("BACALHAU_API_KEY", WRITE_KEY), "auth", "info");
        assertEquals(0, info.code(), info.err());
        assertEquals("""

                Target environment: http://127.0.0.1:%d

                Environment Variables:
                API Key: Set
                Username: Not Set
                Password: Not Set

                Node SSO Authentication:
                Provider Name: Test IdP
                Provider ID: test
                Version: 1.0.0

                Note: Environment variables take precedence over other authentication mechanisms including SSO.
                To use SSO login, please unset Auth related environment variables first.
                """.formatted(apiPort), info.out());
        JsonNode config = get("/api/v1/agent/authconfig", null).json().get("Config");
        assertEquals(idp.jwksUri(), config.get("JWKSUri").asText());
    }

    private static Map<String, Object> claims(long expiresIn, String audience, List<String> permissions) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", "alice@idp");
        c.put("iss", ISSUER);
        c.put("aud", audience);
        c.put("iat", now - 5);
        c.put("exp", now + expiresIn);
        c.put("permissions", permissions);
        return c;
    }

    @Test
    void oauth2Tokens() throws Exception {
        String reader = idp.token(claims(600, AUDIENCE, List.of("read:job", "read:node")));
        assertEquals(200, get("/api/v1/orchestrator/jobs", "Bearer " + reader).status());
        CliProcess.Result list = cli(Map.of("BACALHAU_API_KEY", reader), "node", "list");
        assertEquals(0, list.code(), list.err());
        Api.Response lacking = get("/api/v1/agent/node", "Bearer " + reader);
        assertEquals(403, lacking.status());
        assertEquals("user 'alice@idp' does not have the required capability 'read:agent'",
                lacking.json().get("Details").get("reason").asText());
        for (String bad : List.of(idp.token(claims(-10, AUDIENCE, List.of("*"))), idp.token(claims(600, "https://other/", List.of("*"))),
                reader.substring(0, reader.lastIndexOf('.') + 1) + "AAAA")) {
            Api.Response r = get("/api/v1/orchestrator/jobs", "Bearer " + bad);
            assertEquals(401, r.status(), r.body());
            assertEquals("invalid JWT token", r.json().get("Details").get("reason").asText());
        }
    }

    @Test
    void hashPasswordMakesABcryptHashTheNodeAccepts() throws Exception {
        CliProcess.Result r = CliProcess.run(Map.of(), "a-long-password\n", "auth", "hash-password");
        assertEquals(0, r.code(), r.err());
        String hash = r.out().strip();
        assertTrue(hash.startsWith("$2a$12$"), hash);
        assertTrue(PasswordHashes.matches("a-long-password", hash));
        CliProcess.Result empty = CliProcess.run(Map.of(), "\n", "auth", "hash-password");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("Error: password cannot be empty"), empty.err());
    }

    /** The Web UI under auth (docs/webui.md): a login for the tab only, and the logs websocket authorised without a URL token. */
    @Test
    void theWebUiAsksForAnApiKeyKeepsItInTheTabAndOpensTheLogsWebsocketWithIt() throws Exception {
        String id = submit(Map.of("BACALHAU_API_KEY", WRITE_KEY));
        try (Browser b = Browser.open()) {
            WebDriver d = b.driver();
            d.get("http://127.0.0.1:" + (apiPort + 2) + "/jobs/" + id);
            b.await("the login page", () -> !d.findElements(By.id("api-key")).isEmpty());
            d.findElement(By.id("api-key")).sendKeys("not-a-key-of-this-cluster");
            d.findElement(By.id("login")).click();
            b.await("the refusal", () -> b.text("#login-error").startsWith("Request Unauthorized"));
            d.findElement(By.id("api-key")).clear();
            d.findElement(By.id("api-key")).sendKeys(WRITE_KEY);
            d.findElement(By.id("login")).click();
            b.await("the job page", () -> b.text("#job-id").equals(id));
            assertTrue(!d.getCurrentUrl().contains(WRITE_KEY), d.getCurrentUrl());
            JavascriptExecutor js = (JavascriptExecutor) d;
            assertEquals("Bearer " + WRITE_KEY, js.executeScript("return sessionStorage.getItem('bacalao.authorization')"));
            assertEquals(0L, js.executeScript("return localStorage.length + document.cookie.length"));
            // the job never ran (no compute node): an authorised handshake gets the API's answer as an error frame
            d.findElement(By.id("logs-reload")).click();
            b.await("the logs websocket's answer", () -> b.text("#logs-status").startsWith("error: no execution to show logs of"));
        }
    }

    @Test
    void serveRefusesAUsersListBacalhauWouldRefuse() throws Exception {
        Path bad = Files.writeString(root.resolve("bad-users.yaml"), """
                API:
                  Auth:
                    Users:
                      - Username: bob
                        Password: short
                        Capabilities:
                          - Actions: ["*"]
                """);
        CliProcess.Result r = CliProcess.run(Map.of(), null, "serve", "--orchestrator", "--config", bad.toString(),
                "-c", "DataDir=" + root.resolve("bad"), "-c", "API.Host=127.0.0.1", "-c", "API.Port=" + TestPorts.freeBlock(2));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Error: error initializing users: password for user 'bob' is too short, minimum length is"
                + " 10 characters"), r.err());
    }
}
