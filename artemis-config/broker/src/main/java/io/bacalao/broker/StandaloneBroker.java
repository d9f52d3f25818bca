package io.bacalao.broker;

import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A standalone Artemis broker process for Bacalao (the external broker of the scale-out path), configured by
 * the {@code broker.xml} shipped beside this class or the file named as the first argument. The token compute
 * nodes and orchestrators must present comes from the environment variable {@code BACALAO_BROKER_TOKEN}
 * (empty = no authentication); the other settings are the system properties the file documents. Prints
 * {@link #READY} once it accepts connections; stops on SIGTERM.
 */
public final class StandaloneBroker {
    public static final String TOKEN_ENV = "BACALAO_BROKER_TOKEN";
    public static final String READY = "Bacalao broker ready";

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        // four audit lines per message at INFO would halve throughput (stack notes G14)
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit", "warn"));
        EmbeddedActiveMQ server = create(args.length > 0 ? Path.of(args[0]).toUri().toURL() : defaultConfig(),
                System.getenv(TOKEN_ENV));
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

    /** A broker (not started) from a broker.xml, secured by {@code token} unless it is empty. */
    public static EmbeddedActiveMQ create(URL config, String token) {
        boolean secured = token != null && !token.isEmpty();
        if (!secured) System.setProperty("bacalao.broker.security", "false");
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfigResourcePath(config.toString());
        if (secured) server.setSecurityManager(new TokenSecurityManager(token));
        return server;
    }
}
