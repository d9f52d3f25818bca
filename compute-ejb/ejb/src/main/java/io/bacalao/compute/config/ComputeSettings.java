package io.bacalao.compute.config;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.Durations;
import io.bacalao.domain.config.LogLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This compute node's configuration: Bacalhau's keys through MicroProfile Config, plus the node ID and the
 * broker URL the launcher decided. Work lives under {@code <DataDir>/compute}.
 */
@ApplicationScoped
public class ComputeSettings {
    public static final String NODE_ID = "bacalao.node.id";
    public static final String BROKER_URL = "bacalao.broker.url";
    /** The user and password this node logs in to the broker with (set by the launcher, docs/broker-security.md). */
    public static final String BROKER_USER = "bacalao.broker.user";
    public static final String BROKER_PASSWORD = "bacalao.broker.password";
    private static final Pattern EXECUTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    private final Config config;
    private final String nodeId;
    private final String brokerUrl;
    private final String brokerUser;
    private final String brokerPassword;

    public ComputeSettings() {
        org.eclipse.microprofile.config.Config mp = ConfigProvider.getConfig();
        this.config = Config.from(key -> mp.getOptionalValue(key, String.class).orElse(null));
        LogLevel.applyConfigured(config.get(ConfigKeys.LOGGING_LEVEL));
        this.nodeId = mp.getOptionalValue(NODE_ID, String.class).orElse("n-compute");
        this.brokerUrl = mp.getOptionalValue(BROKER_URL, String.class).orElse(firstOrchestrator(config));
        this.brokerUser = mp.getOptionalValue(BROKER_USER, String.class).orElse(nodeId);
        this.brokerPassword = mp.getOptionalValue(BROKER_PASSWORD, String.class)
                .orElse(config.get(ConfigKeys.COMPUTE_AUTH_TOKEN));
    }

    /** This node's broker user: its node ID, or the orchestrator's user on a hybrid node. */
    public String brokerUser() {
        return brokerUser;
    }

    /** {@code <Compute.Auth.Token>:<node secret>}, or the orchestrator's own password on a hybrid node. */
    public String brokerPassword() {
        return brokerPassword;
    }

    /** {@code Compute.Orchestrators} holds nats://host:port addresses; the broker listens on the same host:port. */
    static String firstOrchestrator(Config c) {
        String first = c.getList(ConfigKeys.COMPUTE_ORCHESTRATORS).stream().findFirst().orElse("nats://127.0.0.1:4222");
        return "tcp://" + first.replaceFirst("^[a-z]+://", "");
    }

    public Config config() {
        return config;
    }

    public String nodeId() {
        return nodeId;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public Duration duration(String key) {
        return config.getDuration(key);
    }

    /**
     * {@code Compute.Executions.RunningReportDelay}: how long a run lasts before it is reported Running (and a
     * pre-approved execution before its bid is, {@code messaging.HeldBids}); empty when the value is not a
     * duration of 0 or more.
     */
    public Optional<Duration> runningReportDelay() {
        try {
            Duration d = Durations.parse(config.get(ConfigKeys.COMPUTE_RUNNING_REPORT_DELAY));
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (IllegalArgumentException bad) {
            return Optional.empty();
        }
    }

    public Path workDir() {
        return Path.of(config.get(ConfigKeys.DATA_DIR)).resolve("compute");
    }

    /**
     * The folder of one execution. The ID comes from the orchestrator and names a folder that is later deleted, so it
     * must be a plain name ({@code e-<uuid>}): anything else is refused, never resolved.
     */
    public Path executionDir(String executionId) {
        if (executionId == null || !EXECUTION_ID.matcher(executionId).matches()) {
            throw new IllegalArgumentException("not an execution ID: " + executionId);
        }
        return workDir().resolve("executions").resolve(executionId);
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
