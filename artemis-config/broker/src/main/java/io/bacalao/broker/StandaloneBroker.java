package io.bacalao.broker;

import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A standalone Artemis broker process for Bacalao (the external broker of the scale-out path), configured by
 * the {@code broker.xml} shipped beside this class or the file named as the first argument. From the environment:
 * {@code BACALAO_BROKER_TOKEN}, the join token compute nodes present (empty only on a loopback address, or with
 * {@code BACALAO_BROKER_ALLOW_EMPTY_TOKEN=true}); {@code BACALAO_BROKER_ORCHESTRATOR_PASSWORD}, the orchestrator's
 * own password (required; the orchestrator's {@code Orchestrator.Broker.Password}). The node bindings are kept in
 * {@code <bacalao.broker.data>/node-bindings}; the other settings are the system properties the file documents.
 * Prints {@link #READY} once it accepts connections; stops on SIGTERM.
 */
public final class StandaloneBroker {
    public static final String TOKEN_ENV = "BACALAO_BROKER_TOKEN";
    public static final String ORCHESTRATOR_PASSWORD_ENV = "BACALAO_BROKER_ORCHESTRATOR_PASSWORD";
    public static final String ALLOW_EMPTY_TOKEN_ENV = "BACALAO_BROKER_ALLOW_EMPTY_TOKEN";
    public static final String READY = "Bacalao broker ready";

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        // four audit lines per message at INFO would halve throughput (stack notes G14)
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit", "warn"));
        BrokerSettings settings = settings(System.getenv(TOKEN_ENV), System.getenv(ORCHESTRATOR_PASSWORD_ENV),
                "true".equalsIgnoreCase(System.getenv(ALLOW_EMPTY_TOKEN_ENV)));
        String warning;
        try {
            warning = settings.check();
        } catch (IllegalStateException e) {
            System.err.println("Error: " + e.getMessage().replace("bacalao.broker.password", ORCHESTRATOR_PASSWORD_ENV)
                    .replace("Orchestrator.Auth.AllowEmptyToken=true", ALLOW_EMPTY_TOKEN_ENV + "=true")
                    .replace("Orchestrator.Auth.Token", TOKEN_ENV).replace("Orchestrator.Host", "bacalao.broker.host"));
            System.exit(1);
            return;
        }
        if (warning != null) System.err.println("WARNING: " + warning);
        EmbeddedActiveMQ server = create(args.length > 0 ? Path.of(args[0]).toUri().toURL() : defaultConfig(), settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the JVM is going away
            }
            stopped.countDown();
        }));
        server.start();
        System.out.println(READY + " (" + server.getActiveMQServer().getConfiguration().getAcceptorConfigurations().stream()
                .map(a -> a.getParams().get("host") + ":" + a.getParams().get("port")).toList() + ")");
        System.out.flush();
        stopped.await();
    }

    /** The broker.xml packaged with Bacalao. */
    public static URL defaultConfig() {
        return StandaloneBroker.class.getResource("broker.xml");
    }

    /** The settings the file's system properties and the environment describe (the file decides the rest). */
    static BrokerSettings settings(String token, String orchestratorPassword, boolean allowEmptyToken) {
        return new BrokerSettings(System.getProperty("bacalao.broker.host", "0.0.0.0"),
                Integer.parseInt(System.getProperty("bacalao.broker.port", "61616")),
                Path.of(System.getProperty("bacalao.broker.data", "data")), token, orchestratorPassword, allowEmptyToken,
                10, null);
    }

    /** A broker (not started) from a broker.xml, secured by {@link TokenSecurityManager}. */
    public static EmbeddedActiveMQ create(URL config, BrokerSettings settings) {
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfigResourcePath(config.toString());
        server.setSecurityManager(new TokenSecurityManager(settings.token(), settings.orchestratorPassword(),
                new NodeBindings(settings.bindingsFile())));
        return server;
    }
}
