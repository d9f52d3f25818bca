package io.bacalao.cli.auth;

import picocli.CommandLine.Command;

/** {@code bacalao auth …}: Bacalhau's authentication commands (docs/auth.md). */
@Command(name = "auth", description = "Authentication commands: what the CLI sends, and password hashes for API.Auth.Users.")
public class AuthCommand {
}
