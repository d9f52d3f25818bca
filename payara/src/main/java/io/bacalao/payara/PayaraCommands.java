package io.bacalao.payara;

import io.bacalao.payara.tls.ApiTls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The asadmin commands that shape a node's Payara Micro: everything bound to the configured address, the
 * default datasource pointed at the node's database, and the resource adapter pointed at the node's broker.
 */
public final class PayaraCommands {
    /** Whether this node serves its API over TLS: an orchestrator (or hybrid) with API.TLS set (docs/tls.md). */
    public static boolean apiTls(NodeSpec spec) {
        return spec.orchestrator() && ApiTls.wanted(spec.config());
    }

    /** System properties (see {@link NodeProcess#systemProperties}) holding the database URL and password. */
    static final String DB_URL_PROPERTY = "bacalao.db.url";
    static final String DB_PASSWORD_PROPERTY = "bacalao.db.password";
    /** Prepared statements each pooled connection keeps, more than the distinct statements a node issues. */
    static final int STATEMENT_CACHE_SIZE = 128;
    private PayaraCommands() {
    }

    /** Run before boot: listeners, data grid and the default JDBC pool. */
    public static List<String> preBoot(NodeSpec spec) {
        List<String> c = new ArrayList<>();
        String listener = "configs.config.server-config.network-config.network-listeners.network-listener.";
        c.add("set " + listener + "http-listener.address=" + spec.httpHost());
        Optional<WebUiListener> webUi = WebUiListener.of(spec);
        if (webUi.isEmpty()) c.add("set " + listener + "https-listener.enabled=false");
        // Bacalhau's clients send the stop reason as a DELETE body, which Grizzly refuses by default
        c.add("set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                + ".allow-payload-for-undefined-http-methods=true");
        c.addAll(ListenerTimeouts.commands(spec.config()));
        if (apiTls(spec)) c.addAll(ApiTls.preBootCommands(List.copyOf(c)));
        webUi.ifPresent(ui -> c.addAll(ui.preBootCommands(apiTls(spec))));
        // no data grid: a node is never a member of a Payara cluster, and its periodic work runs on Ticks, not on
        // EJB timers (which keep their timers in the grid). The grid's member cost each node ~4,000 classes, ~35
        // threads and ~33 MB (docs/node-footprint.md, "No data grid; the boot in one thread")
        c.add("set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false");
        String pool = "resources.jdbc-connection-pool.H2Pool.";
        NodeSpec.Database db = spec.database();
        if (db.isPostgres()) {
            c.add("set " + pool + "datasource-classname=org.postgresql.ds.PGSimpleDataSource");
            // a restarted or failed-over server closes every pooled connection: each is checked when it is taken
            // (one round trip), and one found broken replaces them all, so the job store comes back with the server
            // (the method and its class first: the pool refuses validation without them)
            c.add("set " + pool + "connection-validation-method=custom-validation");
            c.add("set " + pool + "validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation");
            c.add("set " + pool + "fail-all-connections=true");
            c.add("set " + pool + "is-connection-validation-required=true");
        }
        // each pooled connection keeps its prepared statements: the job store runs the same few dozen statements,
        // which H2 would parse again at each prepare (docs/orchestrator-performance.md, "Prepared statements")
        c.add("set " + pool + "statement-cache-size=" + STATEMENT_CACHE_SIZE);
        // Payara logs every boot "set" with its value: the URL (which may carry a password) and the password are
        // given as ${…} references to system properties of node.properties (0600), resolved when the pool is read
        c.add("set " + pool + "property.URL=${" + DB_URL_PROPERTY + "}");
        if (!db.user().isEmpty()) {
            // the pool refuses a user without a password property ("No password credential found")
            c.add("set " + pool + "property.User=" + db.user());
            c.add("set " + pool + "property.Password=" + (db.password().isEmpty() ? "()" : "${" + DB_PASSWORD_PROPERTY + "}"));
        }
        return c;
    }

    /**
     * Run after boot, before deployment: the resource adapter's broker address (TLS included) and credentials.
     * (The root dir is fresh at every start, see {@link NodeProcess#deleteTree}, so the config never exists yet.)
     */
    public static List<String> postBoot(NodeSpec spec) {
        String props = "ConnectionParameters=" + escape(spec.broker().connectionParameters())
                + ":UserName=" + escape(spec.brokerUser()) + ":Password=" + escape(spec.broker().token());
        return List.of("create-resource-adapter-config --property " + props + " artemis-ra");
    }

    /** asadmin property values escape ':' and '=' with a backslash. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
