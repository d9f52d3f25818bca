package io.bacalao.cli.command;

import io.bacalao.cli.auth.sso.SsoTokens;
import io.bacalao.cli.client.ApiClient;
import io.bacalao.cli.client.Endpoint;
import io.bacalao.cli.client.TlsSettings;
import io.bacalao.cli.profile.Profile;
import io.bacalao.cli.profile.ProfileStore;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.ConfigLoader;
import io.bacalao.domain.config.LogLevel;
import io.bacalao.cli.CliException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code bacalao}: Bacalhau's command line, against a Bacalao (or Bacalhau) orchestrator. Its subcommands are
 * listed in {@link CommandTree}, which builds only those a command line needs.
 */
@Command(name = "bacalao", versionProvider = VersionProvider.class,
        description = "Compute over data: run Docker and WebAssembly jobs next to the data.")
public class RootCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Inherited, so that {@code --help} works on every command. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = "--api-host", scope = ScopeType.INHERIT, defaultValue = "${env:BACALAO_API_HOST}",
            description = "Host (or http(s)://host:port URL) of the orchestrator API (env BACALAO_API_HOST, else BACALHAU_API_HOST).")
    String apiHost;

    @Option(names = "--api-port", scope = ScopeType.INHERIT, defaultValue = "${env:BACALAO_API_PORT}",
            description = "Port of the orchestrator API (default 1234, env BACALAO_API_PORT, else BACALHAU_API_PORT).")
    Integer apiPort;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT,
            description = "Config file, Key=Value or bare Key (= true); repeatable, later wins.")
    List<String> config = new ArrayList<>();

    @Option(names = "--data-dir", scope = ScopeType.INHERIT,
            description = "Data directory (default ~/.bacalao, env BACALAO_DIR, else BACALHAU_DIR).")
    String dataDir;

    @Option(names = "--profile", scope = ScopeType.INHERIT,
            description = "CLI profile to use (env BACALAO_PROFILE, else BACALHAU_PROFILE; default: the selected one).")
    String profile;

    /** Bacalhau's deprecated, hidden root flag for Logging.Level (cmd/util/flags/configflags/logging.go). */
    @Option(names = "--log-level", scope = ScopeType.INHERIT, hidden = true, paramLabel = "LEVEL",
            description = "Deprecated: use --config Logging.Level=<value>.")
    String logLevel;

    @Mixin
    TlsOptions tlsOptions = new TlsOptions();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The level --log-level gives ({@code trace} … {@code panic}, any case; another is a CliException): {@code serve}
     * sets Logging.Level with it; the CLI itself keeps no log.
     */
    public Optional<LogLevel> logLevel() {
        if (logLevel == null) return Optional.empty();
        return Optional.of(LogLevel.find(logLevel).orElseThrow(() -> new CliException(
                "invalid --log-level \"" + logLevel + "\": use one of " + LogLevel.names())));
    }

    /** Checks the deprecated flags given, and prints cobra's deprecation line for each, as Bacalhau does. */
    public void deprecatedFlags(PrintWriter err) {
        if (logLevel().isPresent()) {
            err.println("Flag --log-level has been deprecated, Use --config Logging.Level=<value> to set this configuration");
        }
    }

    public ApiClient client() {
        TlsSettings tls = tlsOptions.resolve(System.getenv(), this::configuredValue);
        String host = apiHost != null ? apiHost : nonEmptyEnv("BACALHAU_API_HOST");
        Integer port = apiPort != null ? apiPort
                : Optional.ofNullable(nonEmptyEnv("BACALHAU_API_PORT")).map(p -> Integer.valueOf(p.trim())).orElse(null);
        // Bacalhau's precedence: an API host or port given (flag or environment) > the profile in use > 127.0.0.1:1234
        Optional<Profile> inUse = host == null && port == null ? profileInUse() : Optional.empty();
        if (inUse.isPresent()) {
            Profile p = inUse.get();
            Endpoint endpoint = Endpoint.of(p.endpoint().contains("://") ? p.endpoint() : "http://" + p.endpoint(), null);
            TlsSettings profileTls = new TlsSettings(endpoint.tls(), tls.caFile(), p.insecure() || tls.insecure());
            return new ApiClient(endpoint, profileTls, new SsoTokens(dataDirPath()), p.token());
        }
        Endpoint endpoint = Endpoint.of(host, port);
        return new ApiClient(endpoint.withTls(tls.useTls()), tls, new SsoTokens(dataDirPath()));
    }

    /**
     * The profile named by --profile, BACALAO_PROFILE or BACALHAU_PROFILE (which must exist), else the selected
     * one, else none.
     */
    Optional<Profile> profileInUse() {
        ProfileStore store = new ProfileStore(dataDirPath());
        String name = profile != null && !profile.isBlank() ? profile : nonEmptyEnv("BACALAO_PROFILE");
        if (name == null) name = nonEmptyEnv("BACALHAU_PROFILE");
        if (name != null) return Optional.of(store.load(name));
        return store.current().filter(store::exists).map(store::load);
    }

    /**
     * A key's value from -c or the config file, without resolving the configuration when neither is there (the
     * common case: a client command then reads no YAML).
     */
    String configuredValue(String key) {
        if (clientConfig == null) {
            // the data dir as ConfigLoader finds it, without initialising the key registry on a client command's path
            boolean implicitFile = Files.isRegularFile(dataDirPath().resolve("config.yaml"));
            clientConfig = config.isEmpty() && !implicitFile ? Optional.empty() : Optional.of(resolveConfig(Map.of()));
        }
        String v = clientConfig.map(c -> c.get(key)).orElse(null);
        return v == null || v.isEmpty() ? null : v;
    }

    private Optional<Config> clientConfig;

    /** Whether --insecure was given (profile save stores it in the profile). */
    public boolean insecureFlag() {
        return Boolean.TRUE.equals(tlsOptions.insecure);
    }

    /** The -c/--config values as given (files, Key=Value pairs, bare keys). */
    public List<String> configOptions() {
        return List.copyOf(config);
    }

    private static String nonEmptyEnv(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * The data dir as ConfigLoader finds it (flag, BACALAO_DATADIR, BACALAO_DIR, BACALHAU_DATADIR, BACALHAU_DIR,
     * ~/.bacalao), without initialising the key registry on a client command's path.
     */
    public Path dataDirPath() {
        String dir = dataDir != null && !dataDir.isBlank() ? dataDir : null;
        for (String name : List.of("BACALAO_DATADIR", "BACALAO_DIR", "BACALHAU_DATADIR", "BACALHAU_DIR")) {
            if (dir == null) dir = nonEmptyEnv(name);
        }
        if (dir == null) dir = "~/.bacalao";
        String home = System.getenv("HOME");
        if (dir.startsWith("~")) dir = (home == null || home.isBlank() ? System.getProperty("user.home") : home) + dir.substring(1);
        return Path.of(dir);
    }

    /**
     * The configuration with Bacalhau's precedence: defaults, {@code <DataDir>/config.yaml} (or the files given
     * with -c), environment, then the given flag values and finally -c Key=Value.
     */
    public Config resolveConfig(Map<String, String> flags) {
        ConfigLoader loader = ConfigLoader.withDefaults();
        String dir = dataDir != null && !dataDir.isBlank() ? dataDir : null;
        if (dir != null) loader.set(ConfigKeys.DATA_DIR, dir);
        List<String> files = config.stream().filter(c -> !c.contains("=") && (c.endsWith(".yaml") || c.endsWith(".yml"))).toList();
        if (files.isEmpty()) {
            Path implicit = dataDirPath().resolve("config.yaml");
            if (Files.isRegularFile(implicit)) loader.file(implicit);
        }
        files.forEach(f -> loader.file(Path.of(f)));
        loader.environment(System.getenv());
        if (dir != null) loader.set(ConfigKeys.DATA_DIR, dir);
        flags.forEach(loader::set);
        loader.overrides(config.stream().filter(c -> !files.contains(c)).toList());
        return loader.resolve();
    }
}
