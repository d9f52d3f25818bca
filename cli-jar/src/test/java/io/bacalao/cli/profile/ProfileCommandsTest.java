package io.bacalao.cli.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile save|list|select|show|delete} on Bacalhau's profile files, and {@code --profile} in use. */
class ProfileCommandsTest {
    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return CliRun.of(all);
    }

    @Test
    void savedProfilesAreBacalhausYamlReadableOnlyByTheOwner() throws IOException {
        CliRun run = cli("profile", "save", "prod", "--endpoint", "https://prod.example:443", "--timeout", "1m",
                "--description", "production", "--insecure", "--select");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Profile \"prod\" saved\nSwitched to profile \"prod\"\n", run.out());
        Path file = dir.resolve("profiles/prod.yaml");
        assertEquals("endpoint: https://prod.example:443\ndescription: production\ntimeout: 1m\ntls:\n  insecure: true\n",
                Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Path.of("prod.yaml"), Files.readSymbolicLink(dir.resolve("profiles/current")));
    }

    @Test
    void listSelectShowAndDelete() throws IOException {
        cli("profile", "save", "a", "--endpoint", "127.0.0.1:1");
        cli("profile", "save", "b", "--endpoint", "10.0.0.2:1234");
        Files.writeString(dir.resolve("profiles/b.yaml"), "endpoint: 10.0.0.2:1234\nauth:\n  token: abcdefghijkl\n");

        assertEquals(0, cli("profile", "select", "b").exitCode());
        assertEquals(" CURRENT  NAME  ENDPOINT       AUTH\n"
                + "          a     127.0.0.1:1\n"
                + " *        b     10.0.0.2:1234  token\n", cli("profile", "list").out());
        assertTrue(cli("profile", "list", "--output", "json").out().contains(
                "{\"current\":\"*\",\"name\":\"b\",\"endpoint\":\"10.0.0.2:1234\",\"auth\":\"token\"}"));
        assertEquals("Name:        b (current)\nEndpoint:    10.0.0.2:1234\nAuth:        token (abcd****ijkl)\n"
                + "TLS:         secure\nTimeout:     30s\n", cli("profile", "show").out());
        assertTrue(cli("profile", "show", "b", "--show-token").out().contains("Auth:        token (abcdefghijkl)"));

        CliRun delete = cli("profile", "delete", "b", "-f");
        assertEquals("Profile \"b\" deleted\n", delete.out(), delete.err());
        assertTrue(Files.notExists(dir.resolve("profiles/current")), "deleting the current profile unselects it");
        assertEquals(0, cli("profile", "delete", "a").exitCode());
        assertEquals("No profiles found\n", cli("profile", "list").out());
    }

    @Test
    void theProfileInUseGivesTheEndpoint() {
        cli("profile", "save", "down", "--endpoint", "127.0.0.1:1", "--select");

        CliRun selected = cli("agent", "alive");
        CliRun named = cli("agent", "alive", "--profile", "down");
        CliRun flagWins = cli("agent", "alive", "--api-port", "2");

        assertTrue(selected.err().contains("127.0.0.1:1"), selected.err());
        assertTrue(named.err().contains("127.0.0.1:1"), named.err());
        assertTrue(flagWins.err().contains("127.0.0.1:2"), "an explicit --api-port beats the profile: " + flagWins.err());
    }

    @Test
    void badProfileUseIsAnError() {
        assertFailure(cli("profile", "save", "x"), "endpoint is required when creating a new profile");
        assertFailure(cli("profile", "save", "x", "--endpoint", "h:1", "--timeout", "soon"), "invalid timeout \"soon\"");
        assertFailure(cli("profile", "save", "../x", "--endpoint", "h:1"), "invalid profile name");
        assertFailure(cli("profile", "select", "nope"), "profile \"nope\" not found");
        assertFailure(cli("profile", "show"), "no current profile set");
        assertFailure(cli("agent", "alive", "--profile", "nope"), "profile \"nope\" not found");
    }

    private static void assertFailure(CliRun run, String message) {
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("Error: ") && run.err().contains(message), run.err());
    }
}
