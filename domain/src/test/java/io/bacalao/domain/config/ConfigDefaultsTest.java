package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bacalhau's configuration defaults, in one registry (reference §7.2). */
class ConfigDefaultsTest {
    private final Config defaults = Config.defaults();

    @ParameterizedTest(name = "{0} defaults to \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            API.Host                                     | 0.0.0.0
            API.Port                                     | 1234
            NameProvider                                 | puuid
            Orchestrator.Enabled                         | false
            Orchestrator.Port                            | 4222
            Orchestrator.NodeManager.DisconnectTimeout   | 1m
            Orchestrator.Scheduler.QueueBackoff          | 1m
            Orchestrator.Scheduler.HousekeepingInterval  | 30s
            Orchestrator.EvaluationBroker.MaxRetryCount  | 10
            Compute.Enabled                              | false
            Compute.Orchestrators                        | nats://127.0.0.1:4222
            Compute.Heartbeat.Interval                   | 15s
            Compute.Heartbeat.InfoUpdateInterval         | 1m
            Compute.AllocatedCapacity.CPU                | 80%
            Compute.AllocatedCapacity.Memory             | 80%
            Compute.AllocatedCapacity.Disk               | 80%
            Compute.AllocatedCapacity.GPU                | 100%
            Compute.Network.PortRangeStart               | 20000
            Compute.Network.PortRangeEnd                 | 32000
            JobDefaults.Batch.Task.Resources.CPU         | 500m
            JobDefaults.Batch.Task.Resources.Memory      | 512Mb
            JobDefaults.Service.Task.Resources.Memory    | 512Mb
            JobAdmissionControl.Locality                 | anywhere
            InputSources.ReadTimeout                     | 5m
            InputSources.MaxRetryCount                   | 3
            Publishers.Types.Local.Address               | 127.0.0.1
            Publishers.Types.Local.Port                  | 6001
            Logging.Level                                | info
            UpdateConfig.Interval                        | 24h
            WebUI.Listen                                 | 0.0.0.0:8438
            """)
    void defaultsAreBacalhaus(String key, String value) {
        assertEquals(value, defaults.get(key));
    }

    @Test
    void typedGettersReadTheDefaults() {
        assertEquals(1234, defaults.getInt(ConfigKeys.API_PORT));
        assertFalse(defaults.getBool(ConfigKeys.COMPUTE_ENABLED));
        assertEquals(Duration.ofMinutes(1), defaults.getDuration(ConfigKeys.DISCONNECT_TIMEOUT));
        assertEquals(List.of("nats://127.0.0.1:4222"), defaults.getList(ConfigKeys.COMPUTE_ORCHESTRATORS));
        assertEquals(Map.of(), defaults.getMap(ConfigKeys.LABELS));
        assertEquals("", defaults.get(ConfigKeys.COMPUTE_AUTH_TOKEN));
    }

    @Test
    void keysMatchInAnyCase() {
        assertEquals("1234", defaults.get("api.port"));
        assertEquals("80%", defaults.get("COMPUTE.ALLOCATEDCAPACITY.CPU"));
    }

    @Test
    void anUnknownKeyIsAConfigException() {
        ConfigException e = assertThrows(ConfigException.class, () -> defaults.get("API.Nope"));

        assertTrue(e.getMessage().contains("API.Nope"), e.getMessage());
    }

    @Test
    void everyKeyHasADescriptionAndAValidDefault() {
        for (ConfigKey k : ConfigKeys.all()) {
            assertFalse(k.description().isBlank(), k.name());
            assertEquals(k.defaultValue().trim(), ConfigValues.check(k, k.defaultValue()).trim(), k.name());
        }
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertEquals("BACALAO_COMPUTE_ALLOCATEDCAPACITY_CPU",
                ConfigKeys.find(ConfigKeys.CAPACITY_CPU).orElseThrow().envName(ConfigLoader.ENV_PREFIX));
    }

    @Test
    void theTreeViewNestsKeysAndTypesValues() {
        Map<String, Object> tree = defaults.asTree(false);

        assertEquals(1234, path(tree, "API", "Port"));
        assertEquals(false, path(tree, "Compute", "Enabled"));
        assertEquals("80%", path(tree, "Compute", "AllocatedCapacity", "CPU"));
        assertEquals(List.of("nats://127.0.0.1:4222"), path(tree, "Compute", "Orchestrators"));
        assertEquals(Map.of(), tree.get("Labels"));
    }

    @Test
    void theTreeViewRedactsSecretsThatAreSet() {
        Config c = defaults.with(ConfigKeys.COMPUTE_AUTH_TOKEN, "s3cret")
                .with(ConfigKeys.DATABASE_PASSWORD, "pw");

        Map<String, Object> redacted = c.asTree(true);
        Map<String, Object> plain = c.asTree(false);

        assertEquals("********", path(redacted, "Compute", "Auth", "Token"));
        assertEquals("********", path(redacted, "Orchestrator", "Database", "Password"));
        assertEquals("", path(redacted, "Orchestrator", "Auth", "Token"));
        assertEquals("s3cret", path(plain, "Compute", "Auth", "Token"));
        assertEquals("s3cret", c.get(ConfigKeys.COMPUTE_AUTH_TOKEN));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String k : keys) node = ((Map<String, Object>) node).get(k);
        return node;
    }
}
