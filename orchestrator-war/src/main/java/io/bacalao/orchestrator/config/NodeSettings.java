package io.bacalao.orchestrator.config;

import io.bacalao.broker.client.BrokerEndpoint;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.BuildVersion;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.config.LogLevel;
import io.bacalao.domain.model.BuildVersionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This node's configuration: Bacalhau's keys read through MicroProfile Config (the launcher passes the
 * resolved configuration as system properties), plus what the launcher decides: node ID and broker URL.
 */
@ApplicationScoped
public class NodeSettings {
    /** System property with this node's ID ({@code n-<uuid>}), set by the launcher. */
    public static final String NODE_ID = "bacalao.node.id";
    /** System property with the broker URL every client of this node uses, set by the launcher. */
    public static final String BROKER_URL = "bacalao.broker.url";
    /** The user and password this node logs in to the broker with (set by the launcher). */
    public static final String BROKER_USER = "bacalao.broker.user";
    public static final String BROKER_PASSWORD = "bacalao.broker.password";
    /** Set by the launcher when this process embeds the broker: its in-process URL ({@code vm://<port>}). */
    public static final String LOCAL_BROKER_URL = "bacalao.broker.local.url";

    private final Config config;
    private final String nodeId;
    private final String brokerUrl;
    private final String clientBrokerUrl;
    private final String brokerUser;
    private final String brokerPassword;

    public NodeSettings() {
        org.eclipse.microprofile.config.Config mp = ConfigProvider.getConfig();
        this.config = Config.from(key -> mp.getOptionalValue(key, String.class).orElse(null));
        LogLevel.applyConfigured(config.get(ConfigKeys.LOGGING_LEVEL));
        this.nodeId = mp.getOptionalValue(NODE_ID, String.class).orElse("n-orchestrator");
        this.brokerUrl = mp.getOptionalValue(BROKER_URL, String.class)
                .orElse("tcp://127.0.0.1:" + config.get(ConfigKeys.ORCHESTRATOR_PORT));
        this.clientBrokerUrl = mp.getOptionalValue(LOCAL_BROKER_URL, String.class).orElse(brokerUrl);
        this.brokerUser = mp.getOptionalValue(BROKER_USER, String.class).orElse("bacalao-orchestrator");
        this.brokerPassword = mp.getOptionalValue(BROKER_PASSWORD, String.class).orElse("");
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

    /**
     * How this orchestrator's own clients reach the broker and log in: in-process when it embeds the broker
     * ({@value #LOCAL_BROKER_URL}), else at {@link #brokerUrl}.
     */
    public BrokerEndpoint brokerEndpoint() {
        return new BrokerEndpoint(clientBrokerUrl, brokerUser, brokerPassword);
    }

    public Duration duration(String key) {
        return config.getDuration(key);
    }

    public BuildVersionInfo version() {
        return BuildVersion.current();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
