package io.bacalao.cli.auth.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import io.bacalao.cli.FakeOrchestrator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bacalhau's flags of {@code auth sso token}, {@code auth sso logout} and {@code auth info}. */
class SsoFlagsTest {
    private static final String ENDPOINT = "http://127.0.0.1:1234";

    @TempDir
    Path dataDir;

    @Test
    void tokenDecodePrintsTheJwtsHeaderAndClaims() {
        String jwt = segment("{\"typ\":\"JWT\",\"alg\":\"RS256\"}") + "." + segment("{\"sub\":\"ana\",\"exp\":1893456000}")
                + ".c2lnbmF0dXJl";
        new SsoTokens(dataDir).put(ENDPOINT, new SsoTokens.Token(jwt, "Bearer", Instant.now().plusSeconds(60)));

        CliRun run = cli("auth", "sso", "token", "-d");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Header:\n{\n  \"alg\" : \"RS256\",\n  \"typ\" : \"JWT\"\n}\n\nClaims:\n{\n  \"exp\" : 1893456000,\n"
                + "  \"sub\" : \"ana\"\n}\n", run.out());
        assertEquals(jwt + "\n", cli("auth", "sso", "token").out(), "without -d, the token as stored");
    }

    @Test
    void tokenDecodeOfATokenThatIsNoJwtIsAnError() {
        new SsoTokens(dataDir).put(ENDPOINT, new SsoTokens.Token("opaque-token", "Bearer", null));
        CliRun run = cli("auth", "sso", "token", "--decode");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("Error: failed to parse token: token is malformed"), run.err());
    }

    @Test
    void logoutAsksFirstUnlessForced() throws IOException {
        SsoTokens tokens = new SsoTokens(dataDir);
        tokens.put(ENDPOINT, new SsoTokens.Token("t", "Bearer", null));

        CliRun declined = withStdin("n\n", () -> cli("auth", "sso", "logout"));
        assertEquals("Are you sure you want to logout from " + ENDPOINT + "? (y/N): Logout cancelled\n", declined.out());
        assertTrue(tokens.get(ENDPOINT).isPresent());
        assertEquals(0, withStdin("", () -> cli("auth", "sso", "logout")).exitCode(), "no answer is no");
        assertTrue(tokens.get(ENDPOINT).isPresent());

        CliRun confirmed = withStdin("y\n", () -> cli("auth", "sso", "logout"));
        assertTrue(confirmed.out().endsWith("(y/N): Logged out of " + ENDPOINT + "\n"), confirmed.out());
        assertTrue(tokens.get(ENDPOINT).isEmpty());

        tokens.put(ENDPOINT, new SsoTokens.Token("t", "Bearer", null));
        CliRun forced = withStdin("", () -> cli("auth", "sso", "logout", "-f"));
        assertEquals("Logged out of " + ENDPOINT + "\n", forced.out());
        assertTrue(tokens.get(ENDPOINT).isEmpty());
    }

    @Test
    void authInfoTakesBacalhausOutputFlagsAndPrintsItsText() throws IOException {
        try (FakeOrchestrator api = new FakeOrchestrator()) {
            api.json("GET", "/api/v1/agent/authconfig", "{\"Version\":\"1\",\"Config\":{}}");
            List<String> at = List.of("--api-host", "127.0.0.1", "--api-port", String.valueOf(api.port()));
            CliRun plain = CliRun.of(args(List.of("auth", "info"), at));
            CliRun json = CliRun.of(args(List.of("auth", "info", "--output", "json", "--pretty"), at));
            assertEquals(0, json.exitCode(), json.err());
            assertTrue(json.out().contains("Server does not support SSO login"), json.out());
            assertEquals(plain.out(), json.out());

            CliRun bad = CliRun.of(args(List.of("auth", "info", "--output", "xml"), at));
            assertEquals(1, bad.exitCode());
            assertTrue(bad.err().startsWith("Error: invalid output format 'xml'"), bad.err());
        }
    }

    private CliRun cli(String... args) {
        return CliRun.of(args(List.of(args), List.of("--api-host", "127.0.0.1", "--api-port", "1234",
                "--data-dir", dataDir.toString())));
    }

    private static String[] args(List<String> command, List<String> more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private static String segment(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static CliRun withStdin(String input, java.util.function.Supplier<CliRun> run) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(before);
        }
    }
}
