package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped broker.xml describes the same broker as the embedded one (addresses, queues, dead-lettering,
 * redelivery), and a broker started from it admits by token and fans node events out to every subscriber.
 */
class StandaloneBrokerTest {
    @TempDir
    Path dir;

    @Test
    void theShippedBrokerXmlDeclaresWhatTheEmbeddedBrokerDeclares() throws Exception {
        Configuration embedded = new EmbeddedBroker(new BrokerSettings("127.0.0.1", 1, dir, "t", "o", false, 10, null)).configuration();
        FileConfiguration file = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(StandaloneBroker.defaultConfig().toString());
        deployment.addDeployable(file);
        deployment.readConfiguration();

        assertEquals(queues(embedded), queues(file));
        assertEquals(addresses(embedded), addresses(file));
        for (String match : List.of("#", Addresses.EVALUATIONS, Addresses.NODE_EVENTS, Addresses.LOGS_PREFIX + "#")) {
            assertEquals(describe(embedded.getAddressSettings().get(match)), describe(file.getAddressSettings().get(match)), match);
        }
        assertEquals(embedded.isJournalSyncTransactional(), file.isJournalSyncTransactional());
        assertEquals(embedded.isJournalSyncNonTransactional(), file.isJournalSyncNonTransactional());
        assertEquals(embedded.isPersistenceEnabled(), file.isPersistenceEnabled());
        assertEquals(BrokerDiskLimit.MAX_DISK_USAGE_PERCENT, embedded.getMaxDiskUsage());
        assertEquals(embedded.getMaxDiskUsage(), file.getMaxDiskUsage());
        assertEquals(true, file.isSecurityEnabled());
        assertEquals(embedded.isPopulateValidatedUser(), file.isPopulateValidatedUser());
        assertEquals(List.of(NodeReleasePlugin.class), file.getBrokerPlugins().stream().map(Object::getClass).toList());
    }

    @Test
    void aBrokerFromTheFileAdmitsByCredentialsAndFansNodeEventsOut() throws Exception {
        int port = EmbeddedBrokerTlsTest.freePort();
        System.setProperty("bacalao.broker.host", "127.0.0.1");
        System.setProperty("bacalao.broker.port", String.valueOf(port));
        System.setProperty("bacalao.broker.data", dir.toString());
        EmbeddedActiveMQ server = StandaloneBroker.create(StandaloneBroker.defaultConfig(),
                StandaloneBroker.settings("file-token", "orchestrator-pw", false));
        server.start();
        try {
            assertEquals(EmbeddedBroker.EVALUATION_GROUP_BUCKETS, server.getActiveMQServer()
                    .locateQueue(org.apache.activemq.artemis.api.core.SimpleString.of(Addresses.EVALUATIONS)).getGroupBuckets());
            String url = "tcp://127.0.0.1:" + port;
            assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(url).createConnection("x", "nope").close());
            assertThrows(JMSSecurityException.class, () -> new ActiveMQConnectionFactory(url).createConnection().close());
            try (Connection c = new ActiveMQConnectionFactory(url).createConnection("observer:test", "file-token");
                 Connection o = new ActiveMQConnectionFactory(url).createConnection(TokenSecurityManager.ORCHESTRATOR_USER, "orchestrator-pw")) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer first = s.createConsumer(s.createTopic(Addresses.NODE_EVENTS));
                MessageConsumer second = s.createConsumer(s.createTopic(Addresses.NODE_EVENTS));
                assertThrows(JMSSecurityException.class, () -> s.createProducer(s.createTopic(Addresses.NODE_EVENTS))
                        .send(s.createTextMessage("forged")), "only the orchestrator publishes node events");
                Session os = o.createSession(false, Session.AUTO_ACKNOWLEDGE);
                os.createProducer(os.createTopic(Addresses.NODE_EVENTS)).send(os.createTextMessage("{\"NodeID\":\"n-1\"}"));
                assertEquals("{\"NodeID\":\"n-1\"}", ((TextMessage) first.receive(10_000)).getText());
                assertEquals("{\"NodeID\":\"n-1\"}", ((TextMessage) second.receive(10_000)).getText());
            }
        } finally {
            server.stop();
            System.clearProperty("bacalao.broker.host");
            System.clearProperty("bacalao.broker.port");
            System.clearProperty("bacalao.broker.data");
        }
    }

    /** Address, routing type and group buckets (a group table without buckets grows with every job). */
    private static String describe(QueueConfiguration q) {
        return q.getAddress() + "/" + q.getRoutingType() + " groupBuckets=" + q.getGroupBuckets();
    }

    private static Map<String, String> queues(Configuration c) {
        Map<String, String> m = new TreeMap<>();
        for (QueueConfiguration q : c.getQueueConfigs()) m.put(q.getName().toString(), describe(q));
        for (CoreAddressConfiguration a : c.getAddressConfigurations()) {
            for (QueueConfiguration q : a.getQueueConfigs()) m.put(q.getName().toString(), describe(q));
        }
        return m;
    }

    private static Map<String, String> addresses(Configuration c) {
        Map<String, String> m = new TreeMap<>();
        c.getAddressConfigurations().stream().filter(a -> a.getQueueConfigs().isEmpty())
                .sorted(Comparator.comparing(CoreAddressConfiguration::getName))
                .forEach(a -> m.put(a.getName(), a.getRoutingTypes().toString()));
        return m;
    }

    private static String describe(AddressSettings s) {
        return "dla=" + s.getDeadLetterAddress() + " expiry=" + s.getExpiryAddress() + " attempts=" + s.getMaxDeliveryAttempts()
                + " delay=" + s.getRedeliveryDelay() + " multiplier=" + s.getRedeliveryMultiplier()
                + " maxDelay=" + s.getMaxRedeliveryDelay() + " autoAddr=" + s.isAutoCreateAddresses()
                + " autoQueue=" + s.isAutoCreateQueues() + " addrType=" + s.getDefaultAddressRoutingType()
                + " queueType=" + s.getDefaultQueueRoutingType() + " full=" + s.getAddressFullMessagePolicy()
                + " autoDeleteQueues=" + s.isAutoDeleteQueues() + "/" + s.getAutoDeleteQueuesDelay() + "/"
                + s.getAutoDeleteQueuesMessageCount() + "/" + s.getAutoDeleteQueuesSkipUsageCheck()
                + " autoDeleteAddresses=" + s.isAutoDeleteAddresses() + "/" + s.getAutoDeleteAddressesDelay() + "/"
                + s.isAutoDeleteAddressesSkipUsageCheck();
    }
}
