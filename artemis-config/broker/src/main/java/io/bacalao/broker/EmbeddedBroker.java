package io.bacalao.broker;

import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.QueueConfiguration;

/**
 * The Artemis broker an orchestrator embeds. Messages are persisted in a journal under the data dir, synced to
 * disk before a transaction's commit or a persistent send is acknowledged, unless the settings trade that for
 * throughput ({@code Orchestrator.Durability.SyncOnCommit=false}: a power cut may then lose acknowledged messages).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());
    /** The name of the broker's one network acceptor, for nodes and other orchestrators. */
    private static final String ACCEPTOR = "bacalao";
    /**
     * The in-process acceptor, {@code vm://<port>}, for the clients of the orchestrator that embeds this broker
     * (io.bacalao.payara.NodeSpec#inProcessBrokerUrl): no socket, no TLS, the same logins; unreachable from
     * another process.
     */
    private static final String IN_PROCESS_ACCEPTOR = "bacalao-in-process";
    /** Buckets of the evaluations queue's message groups: far more than scheduler workers, a fixed table. */
    static final int EVALUATION_GROUP_BUCKETS = 1024;
    /**
     * A log stream's queue with no consumer this long is deleted with what it holds, and its address with it: a
     * reader that left (a closed websocket, a killed orchestrator) leaves nothing behind, even when the node sent
     * chunks after it left or before it heard that it did.
     */
    static final long LOG_STREAM_IDLE_MILLIS = 60_000;
    private final BrokerSettings settings;
    private long queueScanMillis = 30_000;
    private long logStreamIdleMillis = LOG_STREAM_IDLE_MILLIS;
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Tests: how often idle queues are looked for, and how long a log stream's queue may stay without a consumer. */
    EmbeddedBroker withQueueCleanUp(long scanMillis, long logStreamIdleMillis) {
        this.queueScanMillis = scanMillis;
        this.logStreamIdleMillis = logStreamIdleMillis;
        return this;
    }

    public synchronized EmbeddedBroker start() throws Exception {
        if (server != null) return this;
        String warning = settings.check();
        if (warning != null) LOG.warning(warning);
        EmbeddedActiveMQ s = new EmbeddedActiveMQ().setConfiguration(configuration());
        s.setSecurityManager(new TokenSecurityManager(settings.token(), settings.orchestratorPassword(),
                new NodeBindings(settings.bindingsFile())));
        s.start();
        if (!acceptorStarted(s.getActiveMQServer())) {
            s.stop();
            throw new java.io.IOException("the broker is not listening on " + settings.host() + ":" + settings.port()
                    + ": its port was taken when it started (by another process, or by an outgoing connection)");
        }
        server = s;
        LOG.info(() -> "broker listening on " + settings.host() + ":" + settings.port()
                + (settings.tls() == null ? "" : " with TLS")
                + (settings.token().isEmpty() ? " (empty join token: node secrets required)" : " (token required)"));
        return this;
    }

    /**
     * Whether the broker's own acceptor listens: Artemis logs, but does not throw, when it cannot bind, and would
     * run on without a listener, its acceptor "started" with no port (0). A probe that connects to the port cannot
     * tell: it is answered by whichever process listens there, a compute node's HTTP port among others.
     */
    static boolean acceptorStarted(org.apache.activemq.artemis.core.server.ActiveMQServer server) {
        var acceptor = server.getRemotingService().getAcceptor(ACCEPTOR);
        return acceptor != null && acceptor.isStarted() && acceptor.getActualPort() > 0;
    }

    /** The running server, for tests of its configuration. */
    org.apache.activemq.artemis.core.server.ActiveMQServer server() {
        return server.getActiveMQServer();
    }

    public boolean isActive() {
        return server != null && server.getActiveMQServer() != null && server.getActiveMQServer().isActive();
    }

    Configuration configuration() throws Exception {
        Configuration c = new ConfigurationImpl()
                .setName("bacalao")
                .setPersistenceEnabled(true)
                .setJournalDirectory(settings.dataDir().resolve("journal").toString())
                .setBindingsDirectory(settings.dataDir().resolve("bindings").toString())
                .setLargeMessagesDirectory(settings.dataDir().resolve("large-messages").toString())
                .setPagingDirectory(settings.dataDir().resolve("paging").toString())
                .setJournalSyncNonTransactional(settings.syncJournal())
                .setJournalSyncTransactional(settings.syncJournal())
                .setSecurityEnabled(true)
                .setPopulateValidatedUser(true)
                // no cached logins: a released node ID's old secret stops working at once (TokenSecurityManager)
                .setAuthenticationCacheSize(0)
                .setJMXManagementEnabled(false)
                .setGracefulShutdownEnabled(true)
                .setGracefulShutdownTimeout(2000)
                .setAddressQueueScanPeriod(queueScanMillis)
                .setMaxDiskUsage(BrokerDiskLimit.MAX_DISK_USAGE_PERCENT)
                .addAcceptorConfiguration(ACCEPTOR, acceptorUrl())
                .addAcceptorConfiguration(IN_PROCESS_ACCEPTOR, "vm://" + settings.port());
        c.registerBrokerPlugin(new NodeReleasePlugin());
        c.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setDeadLetterAddress(SimpleString.of(Addresses.DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(Addresses.EXPIRED))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(500)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        c.addAddressSetting(Addresses.EVALUATIONS, new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Addresses.DEAD_LETTERS))
                .setMaxDeliveryAttempts(settings.maxEvaluationDeliveries())
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(5)
                .setMaxRedeliveryDelay(30_000));
        c.addAddressSetting(Addresses.LOGS_PREFIX + "#", new AddressSettings()
                .setAutoDeleteQueues(true)
                .setAutoDeleteQueuesDelay(logStreamIdleMillis)
                .setAutoDeleteQueuesMessageCount(-1L)
                .setAutoDeleteQueuesSkipUsageCheck(true)
                .setAutoDeleteAddresses(true)
                .setAutoDeleteAddressesDelay(logStreamIdleMillis)
                .setAutoDeleteAddressesSkipUsageCheck(true));
        c.addAddressSetting(Addresses.NODE_EVENTS, new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.MULTICAST));
        c.addAddressConfiguration(new CoreAddressConfiguration().setName(Addresses.NODE_EVENTS)
                .addRoutingType(RoutingType.MULTICAST));
        c.addAddressConfiguration(new CoreAddressConfiguration().setName(Addresses.NODE_RELEASE)
                .addRoutingType(RoutingType.MULTICAST));
        c.addQueueConfiguration(QueueConfiguration.of(Addresses.ORCHESTRATOR).setRoutingType(RoutingType.ANYCAST));
        c.addQueueConfiguration(QueueConfiguration.of(Addresses.LIVENESS).setRoutingType(RoutingType.ANYCAST));
        // grouped by job ID: buckets bound the broker's group-to-consumer table (one entry per job ever seen
        // otherwise) while a job's evaluations still go to one consumer at a time
        c.addQueueConfiguration(QueueConfiguration.of(Addresses.EVALUATIONS).setRoutingType(RoutingType.ANYCAST)
                .setGroupBuckets(EVALUATION_GROUP_BUCKETS));
        c.addQueueConfiguration(QueueConfiguration.of(Addresses.DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
        c.addQueueConfiguration(QueueConfiguration.of(Addresses.EXPIRED).setRoutingType(RoutingType.ANYCAST));
        return c;
    }

    /** CORE over TCP on host:port; with TLS when configured (the key store is written under the data dir). */
    String acceptorUrl() throws java.io.IOException {
        String url = "tcp://" + settings.host() + ":" + settings.port() + "?protocols=CORE";
        if (settings.tls() == null) return url;
        return url + "&" + BrokerTls.acceptorParams(settings.tls().writeKeyStore(settings.dataDir().resolve("tls")));
    }

    @Override
    public synchronized void close() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
