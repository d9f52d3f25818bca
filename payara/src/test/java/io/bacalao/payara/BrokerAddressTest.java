package io.bacalao.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerAddressTest {
    @Test
    void bacalhausNatsAddressesAndArtemisUrlsNameTheSameBroker() {
        for (String text : List.of("nats://10.0.0.5:4222", "tcp://10.0.0.5:4222", "10.0.0.5:4222", "10.0.0.5", "tcp://10.0.0.5:4222/")) {
            BrokerAddress a = BrokerAddress.parse(text, "");
            assertEquals("10.0.0.5", a.host(), text);
            assertEquals(4222, a.port(), text);
            assertEquals("tcp://10.0.0.5:4222", a.url(), text);
        }
    }

    @Test
    void parametersSurviveInBothForms() {
        BrokerAddress a = BrokerAddress.parse("tcp://broker:61616?sslEnabled=true;trustStorePath=/etc/ca.pem&trustStoreType=PEM", "t");
        assertTrue(a.tls());
        assertEquals("tcp://broker:61616?sslEnabled=true&trustStorePath=/etc/ca.pem&trustStoreType=PEM&verifyHost=true", a.url());
        assertEquals("host=broker;port=61616;sslEnabled=true;trustStorePath=/etc/ca.pem;trustStoreType=PEM;verifyHost=true",
                a.connectionParameters());
        assertEquals("t", a.token());
    }

    @Test
    void tlsTrustsTheGivenPemOrTheJvmDefaults() {
        BrokerAddress plain = BrokerAddress.parse("127.0.0.1:4222", null);
        assertFalse(plain.tls());
        assertEquals("tcp://127.0.0.1:4222?sslEnabled=true&trustStorePath=/certs/ca.pem&trustStoreType=PEM&verifyHost=true",
                plain.withTls("/certs/ca.pem").url());
        assertEquals("tcp://127.0.0.1:4222?sslEnabled=true&verifyHost=true", plain.withTls("").url());
    }

    @Test
    void tlsClientsVerifyTheBrokersHostNameUnlessTheUrlTurnsItOff() {
        assertEquals("true", BrokerAddress.parse("tcp://b:1?sslEnabled=true", "").params().get("verifyHost"));
        assertEquals("false", BrokerAddress.parse("tcp://b:1?sslEnabled=true&verifyHost=false", "").params().get("verifyHost"));
        assertFalse(BrokerAddress.parse("tcp://b:1", "").params().containsKey("verifyHost"));
    }

    @Test
    void nonsenseIsRefusedWithTheText() {
        assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("host:port", ""));
        assertTrue(e.getMessage().contains("host:port"));
        assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse("h:1?novalue", ""));
    }

    @Test
    void theResourceAdapterGetsTheTlsParametersAndTheTokenEscapedForAsadmin() {
        NodeSpec spec = new NodeSpec("n-1", false, true, Path.of("/tmp/x"), "127.0.0.1", 8080,
                BrokerAddress.parse("127.0.0.1:4222", "a:b=c").withTls("/certs/ca.pem"), false,
                NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
        assertEquals(List.of("create-resource-adapter-config --property ConnectionParameters=host\\=127.0.0.1;port\\=4222;"
                + "sslEnabled\\=true;trustStorePath\\=/certs/ca.pem;trustStoreType\\=PEM;verifyHost\\=true:UserName=n-1:Password=a\\:b\\=c artemis-ra"),
                PayaraCommands.postBoot(spec));
    }

    @Test
    void anOrchestratorLogsInAsTheOrchestratorAndAComputeNodeAsItsNodeId() {
        NodeSpec orchestrator = new NodeSpec("n-1", true, true, Path.of("/tmp/x"), "127.0.0.1", 8080,
                BrokerAddress.parse("127.0.0.1:4222", "pw"), true, NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
        assertEquals(NodeSpec.ORCHESTRATOR_BROKER_USER, orchestrator.brokerUser());
        assertTrue(PayaraCommands.postBoot(orchestrator).get(0).contains(":UserName=bacalao-orchestrator:Password=pw "));
        assertEquals("bacalao-orchestrator", NodeProcess.systemProperties(orchestrator).get("bacalao.broker.user"));
        NodeSpec compute = new NodeSpec("n-2", false, true, Path.of("/tmp/x"), "127.0.0.1", 8080,
                BrokerAddress.parse("127.0.0.1:4222", ":abc"), false, NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
        assertEquals("n-2", NodeProcess.systemProperties(compute).get("bacalao.broker.user"));
        assertEquals(":abc", NodeProcess.systemProperties(compute).get("bacalao.broker.password"));
    }

    @Test
    void onlyAnOrchestratorThatEmbedsTheBrokerReachesItInProcess() {
        NodeSpec embedding = new NodeSpec("n-1", true, false, Path.of("/tmp/x"), "127.0.0.1", 8080,
                BrokerAddress.parse("127.0.0.1:4222", "pw"), true, NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
        assertEquals("vm://4222", NodeProcess.systemProperties(embedding).get("bacalao.broker.local.url"));
        assertEquals("tcp://127.0.0.1:4222", NodeProcess.systemProperties(embedding).get("bacalao.broker.url"),
                "the address it shows and gives nodes stays the network one");
        NodeSpec external = new NodeSpec("n-1", true, false, Path.of("/tmp/x"), "127.0.0.1", 8080,
                BrokerAddress.parse("broker.example:61616", "pw"), false, NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
        assertFalse(NodeProcess.systemProperties(external).containsKey("bacalao.broker.local.url"));
        NodeSpec compute = new NodeSpec("n-2", false, true, Path.of("/tmp/x"), "127.0.0.1", 8080,
                BrokerAddress.parse("127.0.0.1:4222", ":abc"), false, NodeSpec.Database.h2(Path.of("/tmp/x")), Map.of(), List.of());
        assertFalse(NodeProcess.systemProperties(compute).containsKey("bacalao.broker.local.url"));
    }
}
