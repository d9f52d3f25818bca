package io.bacalao.cli.launch;

import io.bacalao.domain.config.Config;
import io.bacalao.domain.config.ConfigException;
import io.bacalao.domain.config.LogLevel;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.payara.BrokerAddress;
import io.bacalao.payara.NodeSpec;
import io.bacalao.payara.tls.ApiTls;
import java.nio.file.Path;
import java.util.Map;

/** Turns a resolved configuration into the launch of one node process. */
public final class NodeSpecs {
    private NodeSpecs() {
    }

    public static NodeSpec of(Config config) {
        return of(config, null);
    }

    /** As {@link #of(Config)}, the node named {@code name} ({@code serve --name}) unless its data dir keeps an ID. */
    public static NodeSpec of(Config config, String name) {
        boolean orchestrator = config.getBool(ConfigKeys.ORCHESTRATOR_ENABLED);
        boolean compute = config.getBool(ConfigKeys.COMPUTE_ENABLED);
        if (orchestrator) ApiTls.problem(config.asMap()).ifPresent(p -> {
            throw new ConfigException(p);
        });
        LogLevel.parse(config.get(ConfigKeys.LOGGING_LEVEL));
        Path dataDir = Path.of(config.get(ConfigKeys.DATA_DIR));
        String nodeId = NodeIdentity.of(dataDir, config.get(ConfigKeys.NAME_PROVIDER), name);
        NodeSpec.Database db = database(config, dataDir, orchestrator);
        if (orchestrator && !config.getBool(ConfigKeys.SYNC_ON_COMMIT)) db = db.withoutSyncOnCommit();
        boolean embedded = orchestrator && config.get(ConfigKeys.ORCHESTRATOR_BROKER_URL).isBlank();
        BrokerAddress broker = (orchestrator ? orchestratorBroker(config) : computeBroker(config))
                .withToken(brokerPassword(config, dataDir, orchestrator, embedded));
        return new NodeSpec(nodeId, orchestrator, compute, dataDir, config.get(ConfigKeys.API_HOST),
                config.getInt(ConfigKeys.API_PORT), broker, embedded, db, config.asMap(),
                NodeJvmOptions.of(orchestrator, System.getenv()));
    }

    /**
     * The node's store: an orchestrator's (a hybrid node's compute tables included) from {@code Orchestrator.Database.*},
     * a compute-only node's from {@code Compute.Database.*}, never the orchestrator's (compute nodes sharing a database
     * would share their executions and outboxes); an H2 file under the data dir when the URL is empty.
     */
    static NodeSpec.Database database(Config c, Path dataDir, boolean orchestrator) {
        String url = c.get(orchestrator ? ConfigKeys.DATABASE_URL : ConfigKeys.COMPUTE_DATABASE_URL);
        if (url.isBlank()) return NodeSpec.Database.h2(dataDir);
        return orchestrator ? new NodeSpec.Database(url, c.get(ConfigKeys.DATABASE_USER), c.get(ConfigKeys.DATABASE_PASSWORD))
                : new NodeSpec.Database(url, c.get(ConfigKeys.COMPUTE_DATABASE_USER), c.get(ConfigKeys.COMPUTE_DATABASE_PASSWORD));
    }

    /**
     * This node's password on the broker (docs/broker-security.md): an orchestrator's own password (made once in
     * {@code <DataDir>/broker-password} for its embedded broker; {@code Orchestrator.Broker.Password} for an external
     * one), or a compute node's {@code <Compute.Auth.Token>:<node secret>} with the secret made once in
     * {@code <DataDir>/node-secret}. Refuses an embedded broker that would listen on a non-loopback address without
     * a join token, unless {@code Orchestrator.Auth.AllowEmptyToken}.
     */
    static String brokerPassword(Config c, Path dataDir, boolean orchestrator, boolean embedded) {
        if (!orchestrator) return c.get(ConfigKeys.COMPUTE_AUTH_TOKEN) + ":" + SecretFile.readOrCreate(dataDir.resolve(SecretFile.NODE_SECRET));
        if (!embedded) {
            String password = c.get(ConfigKeys.ORCHESTRATOR_BROKER_PASSWORD);
            if (password.isBlank()) {
                throw new ConfigException(ConfigKeys.ORCHESTRATOR_BROKER_PASSWORD + " is required with "
                        + ConfigKeys.ORCHESTRATOR_BROKER_URL + ": the orchestrator's own password on that broker"
                        + " (its BACALAO_BROKER_ORCHESTRATOR_PASSWORD), not the join token");
            }
            return password;
        }
        String host = c.get(ConfigKeys.ORCHESTRATOR_HOST);
        if (c.get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN).isEmpty() && !isLoopback(host)
                && !c.getBool(ConfigKeys.ORCHESTRATOR_ALLOW_EMPTY_TOKEN)) {
            throw new ConfigException("the broker would listen on " + host + ":" + c.get(ConfigKeys.ORCHESTRATOR_PORT)
                    + " without " + ConfigKeys.ORCHESTRATOR_AUTH_TOKEN + ": set a token, bind "
                    + ConfigKeys.ORCHESTRATOR_HOST + " to a loopback address (127.0.0.1), or set "
                    + ConfigKeys.ORCHESTRATOR_ALLOW_EMPTY_TOKEN + "=true");
        }
        return SecretFile.readOrCreate(dataDir.resolve(SecretFile.BROKER_PASSWORD));
    }

    /** True for 127.0.0.0/8, ::1 and names that resolve only to them (localhost). */
    static boolean isLoopback(String host) {
        try {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) if (!a.isLoopbackAddress()) return false;
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * The broker an orchestrator's own clients use: the external one of {@code Orchestrator.Broker.URL} (over TLS
     * trusting {@code Orchestrator.TLS.CACert} when that is set), or its embedded broker on Orchestrator.Host:Port,
     * over TLS when the broker has a certificate (trusting the CA, or else the certificate itself; over loopback to
     * itself without checking the host name, which its certificate need not list). The token is the join token;
     * {@link #of} replaces it with the node's own password.
     */
    static BrokerAddress orchestratorBroker(Config c) {
        String token = c.get(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN);
        String ca = c.get(ConfigKeys.ORCHESTRATOR_TLS_CA_CERT);
        String external = c.get(ConfigKeys.ORCHESTRATOR_BROKER_URL);
        if (!external.isBlank()) {
            BrokerAddress a = parse(external, token, ConfigKeys.ORCHESTRATOR_BROKER_URL);
            return ca.isBlank() || a.tls() ? a : a.withTls(ca);
        }
        String bind = c.get(ConfigKeys.ORCHESTRATOR_HOST);
        BrokerAddress a = new BrokerAddress(bind.equals("0.0.0.0") ? "127.0.0.1" : bind,
                c.getInt(ConfigKeys.ORCHESTRATOR_PORT), Map.of(), token);
        String cert = c.get(ConfigKeys.ORCHESTRATOR_TLS_SERVER_CERT);
        if (cert.isBlank()) return a;
        BrokerAddress tls = a.withTls(ca.isBlank() ? cert : ca);
        return isLoopback(tls.host()) ? tls.with("verifyHost", "false") : tls;
    }

    /**
     * A compute node's broker: the first of {@code Compute.Orchestrators}, over TLS when {@code Compute.TLS.CACert}
     * (trusted) or {@code Compute.TLS.RequireTLS} (JVM trust store) is set.
     */
    static BrokerAddress computeBroker(Config c) {
        String first = c.getList(ConfigKeys.COMPUTE_ORCHESTRATORS).stream().findFirst().orElse("nats://127.0.0.1:4222");
        BrokerAddress a = parse(first, c.get(ConfigKeys.COMPUTE_AUTH_TOKEN), ConfigKeys.COMPUTE_ORCHESTRATORS);
        String ca = c.get(ConfigKeys.COMPUTE_TLS_CA_CERT);
        return !ca.isBlank() || c.getBool(ConfigKeys.COMPUTE_TLS_REQUIRE) ? a.withTls(ca) : a;
    }

    private static BrokerAddress parse(String address, String token, String key) {
        try {
            return BrokerAddress.parse(address, token);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }
}
