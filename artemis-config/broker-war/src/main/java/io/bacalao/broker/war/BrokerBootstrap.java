package io.bacalao.broker.war;

import io.bacalao.broker.BrokerSettings;
import io.bacalao.broker.BrokerTls;
import io.bacalao.broker.EmbeddedBroker;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the orchestrator's embedded broker when this WAR deploys. It is deployed before the resource
 * adapter and the orchestrator so that their connections find a broker (and not at all when the orchestrator
 * uses an external broker, Orchestrator.Broker.URL). Reads Bacalhau's keys Orchestrator.Host, Orchestrator.Port,
 * Orchestrator.Auth.Token, Orchestrator.Auth.AllowEmptyToken, Orchestrator.TLS.{ServerCert,ServerKey,CACert}, DataDir
 * and Orchestrator.EvaluationBroker.MaxRetryCount, and the orchestrator's own broker password
 * ({@code bacalao.broker.password}, which the launcher keeps in the data dir).
 */
@Startup
@Singleton
public class BrokerBootstrap {
    private static final Logger LOG = Logger.getLogger(BrokerBootstrap.class.getName());
    private EmbeddedBroker broker;

    @PostConstruct
    void start() {
        Config c = ConfigProvider.getConfig();
        BrokerSettings settings;
        try {
            settings = settings(c);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the embedded broker's settings are wrong: " + e.getMessage());
            throw e;
        }
        try {
            broker = new EmbeddedBroker(settings).start();
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "the embedded broker could not start on " + settings.host() + ":" + settings.port(), e);
            throw new IllegalStateException("broker failed to start: " + e.getMessage(), e);
        }
    }

    private static BrokerSettings settings(Config c) {
        return new BrokerSettings(
                c.getOptionalValue("Orchestrator.Host", String.class).orElse("0.0.0.0"),
                c.getOptionalValue("Orchestrator.Port", Integer.class).orElse(4222),
                io.bacalao.broker.BrokerDiskLimit.embeddedBrokerDir(Path.of(c.getOptionalValue("DataDir", String.class)
                        .orElse(System.getProperty("user.home") + "/.bacalao"))),
                c.getOptionalValue("Orchestrator.Auth.Token", String.class).orElse(""),
                c.getOptionalValue("bacalao.broker.password", String.class).orElse(""),
                c.getOptionalValue("Orchestrator.Auth.AllowEmptyToken", Boolean.class).orElse(false),
                c.getOptionalValue("Orchestrator.EvaluationBroker.MaxRetryCount", Integer.class).orElse(10),
                BrokerTls.of(text(c, "Orchestrator.TLS.ServerCert"), text(c, "Orchestrator.TLS.ServerKey"),
                        text(c, "Orchestrator.TLS.CACert")),
                c.getOptionalValue("Orchestrator.Durability.SyncOnCommit", Boolean.class).orElse(true));
    }

    private static String text(Config c, String key) {
        return c.getOptionalValue(key, String.class).orElse("");
    }

    @PreDestroy
    void stop() {
        try {
            if (broker != null) broker.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "broker did not stop cleanly", e);
        }
    }
}
