package io.bacalao.it.compat;

import static io.bacalao.it.compat.GoSuite.asset;
import static io.bacalao.it.compat.GoSuite.json;
import static io.bacalao.it.compat.GoSuite.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.it.support.CliProcess;
import io.bacalao.it.support.ServeProcess;
import io.bacalao.it.support.TestCluster;
import io.bacalao.it.support.TestPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bacalhau's orchestrator configuration suites ({@code test_integration/1_…}, {@code 2_…}, {@code 3_…},
 * {@code 4_…}, {@code 5_…} and {@code 11_…}), each assertion kept: {@code bacalao serve} started as its start command
 * says, with its config files unchanged, and the CLI run as its own process with the jumpbox's environment. One
 * orchestrator (no compute node) per distinct node, one after another: suites 1 and 11 share one (their files
 * differ only in API.Port, which the test chooses), and so do 2 and 4 (4's node is 2's with the Web UI on).
 * Only loopback ports and a data dir are added, with {@code -c}, except in suite 5, which checks the defaults.
 */
class OrchestratorConfigSuitesIT {
    /** The compose files' common environment (BACALHAU_API_PORT is the node's port here, 1234 there). */
    static Map<String, String> common(int apiPort) {
        return Map.of("NETWORK_AUTH_TOKEN", "i_am_very_secret_token", "BACALHAU_API_PORT", String.valueOf(apiPort),
                "BACALHAU_UPDATECONFIG_INTERVAL", "0", "BACALHAU_DISABLEANALYTICS", "true");
    }

    /** An orchestrator started with {@code bacalao serve ARGS} and a jumpbox (the CLI with its environment) beside it. */
    abstract static class Suite {
        Path root;
        int apiPort;
        ServeProcess serve;
        Map<String, String> jumpbox;

        /** The start command's arguments after {@code serve}. */
        abstract List<String> startCommand();

        /** Loopback ports and a data dir, as {@code -c} flags, after the start command's own. */
        List<String> testPlacement() {
            return List.of("-c", "API.Host=127.0.0.1", "-c", "API.Port=" + apiPort, "-c", "Orchestrator.Host=127.0.0.1",
                    "-c", "Orchestrator.Port=" + (apiPort + 1), "-c", "DataDir=" + root.resolve("node"));
        }

        Map<String, String> serveEnvironment() {
            return common(apiPort);
        }

        Map<String, String> jumpboxEnvironment() {
            Map<String, String> env = new HashMap<>(common(apiPort));
            env.put("BACALHAU_API_HOST", "127.0.0.1");
            return env;
        }

        @BeforeAll
        void serve() throws Exception {
            root = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath()
                    .resolve("compat-" + getClass().getSimpleName());
            TestCluster.deleteTree(root);
            Files.createDirectories(root.resolve("jumpbox"));
            apiPort = TestPorts.freeBlock(4);
            List<String> args = new ArrayList<>(List.of("serve"));
            args.addAll(startCommand());
            args.addAll(testPlacement());
            serve = ServeProcess.start(serveEnvironment(), args, root.resolve("serve.log"));
            jumpbox = new HashMap<>(jumpboxEnvironment());
            jumpbox.put("BACALHAU_DIR", root.resolve("jumpbox").toString()); // the jumpbox's own, empty config dir
        }

        @AfterAll
        void stop() {
            if (serve != null) serve.close();
        }

        /** executeCommandInDefaultJumpbox: the output, or a failure when the command exits non-zero. */
        String bacalhau(Map<String, String> extraEnv, String... args) throws Exception {
            Map<String, String> env = new HashMap<>(jumpbox);
            env.putAll(extraEnv);
            CliProcess.Result r = CliProcess.run(env, null, args);
            assertEquals(0, r.code(), "bacalao " + String.join(" ", args) + ": " + r.out() + r.err());
            return r.out() + r.err();
        }

        String bacalhau(String... args) throws Exception {
            return bacalhau(Map.of(), args);
        }

        static String config(String name) {
            return "--config=" + asset("nodes_configs/" + name);
        }

        /** The node list checks of suites 1, 4 and 11 (JSON queries): one node, a Requester, label1 and label2 as given. */
        static void oneRequesterLabelled(JsonNode output, String label2) {
            assertEquals(1, query(output, "$").size());
            assertEquals("Requester", query(output, "$[0].Info.NodeType").asText());
            assertEquals("label1Value", query(output, "$[0].Info.Labels.label1").asText());
            assertEquals(label2, query(output, "$[0].Info.Labels.label2").asText());
        }

        /** The node list checks common to suites 2, 3 and 4 (TestConfigOverrideFile and its kin). */
        JsonNode onlyNodeApprovedConnectedRequester() throws Exception {
            JsonNode nodes = json(bacalhau("node", "list", "--output=json"));
            assertEquals(1, nodes.size(), "There should be only one node, but actual count is: " + nodes.size());
            assertEquals("APPROVED", nodes.get(0).get("Membership").asText());
            assertEquals("CONNECTED", nodes.get(0).get("Connection").asText());
            JsonNode info = nodes.get(0).get("Info");
            assertEquals("Requester", info.get("NodeType").asText());
            return info.get("Labels");
        }
    }

    /** 1_orchestrator_basic_config_suite_test.go and 11_accept_url_in_cli_host_param_suite_test.go. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Suites1And11 extends Suite {
        @Override
        List<String> startCommand() {
            return List.of(config("1_basic_orchestrator_config.yaml"));
        }

        @Test
        void nodesCanBeListed() throws Exception {
            JsonNode output = json(bacalhau("node", "list", "--output=json"));
            oneRequesterLabelled(output, "label2Value");
        }

        @Test
        void orchestratorNodeUpAndEnabled() throws Exception {
            JsonNode output = json(bacalhau("agent", "config", "--output=json"));
            assertTrue(query(output, "$.Orchestrator.Enabled").asBoolean(), output.toString());
        }

        @Test
        void localConfigBasicPersistence() throws Exception {
            Path configFile = Files.createFile(root.resolve("jumpbox").resolve("test-persistent.yaml"));
            bacalhau("config", "set", "--config=" + configFile, "NameProvider=Some_Random_VALUE");
            assertTrue(Files.readString(configFile).contains("nameprovider: Some_Random_VALUE"), Files.readString(configFile));
            Files.delete(configFile);
        }

        @Test
        void defaultUpdateCheckInterval() throws Exception {
            JsonNode items = json(bacalhau(Map.of("BACALHAU_UPDATECONFIG_INTERVAL", ""), "config", "list", "--output=json"));
            assertTrue(items.isArray(), items.toString());
            String interval = "";
            for (JsonNode item : items) {
                if ("UpdateConfig.Interval".equals(item.path("Key").asText(null))) {
                    interval = item.path("Value").asText();
                    break;
                }
            }
            assertEquals("24h0m0s", interval, "Default interval to check for updates should be 24h0m0s");
        }

        /** Suite 11: the CLI given the API as a URL in BACALHAU_API_HOST, and no port. */
        @Test
        void nodesCanBeListedWithUrlHost() throws Exception {
            Map<String, String> env = new HashMap<>(jumpbox);
            env.remove("BACALHAU_API_PORT");
            env.put("BACALHAU_API_HOST", "http://127.0.0.1:" + apiPort);
            CliProcess.Result r = CliProcess.run(env, null, "node", "list", "--output=json");
            assertEquals(0, r.code(), r.out() + r.err());
            JsonNode output = json(r.out());
            oneRequesterLabelled(output, "label2Value");
        }
    }

    /** 2_orchestrator_config_override_suite_test.go and 4_…_and_config_flag_suite_test.go (4's start command). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Suites2And4 extends Suite {
        @Override
        List<String> startCommand() {
            return List.of(config("2_config.yaml"), config("2_config_override.yaml"),
                    "--config", "webui.enabled=false", "--config", "webui.enabled=true");
        }

        @Override
        List<String> testPlacement() {
            List<String> placement = new ArrayList<>(super.testPlacement());
            placement.addAll(List.of("-c", "WebUI.Listen=127.0.0.1:" + (apiPort + 2)));
            return placement;
        }

        @Test
        void configOverrideFile() throws Exception {
            JsonNode labels = onlyNodeApprovedConnectedRequester();
            assertEquals("label1Value", labels.get("label1").asText());
            assertEquals("Override2Value", labels.get("label2").asText());
        }

        @Test
        void configOverrideFileAndFlagAndConfigFlag() throws Exception {
            JsonNode output = json(bacalhau("node", "list", "--output=json"));
            oneRequesterLabelled(output, "Override2Value");
            JsonNode agentConfig = json(bacalhau("agent", "config", "--output=json"));
            assertTrue(query(agentConfig, "$.WebUI.Enabled").asBoolean(), agentConfig.toString());
        }
    }

    /** 3_orchestrator_config_override_and_flag_suite_test.go. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Suite3 extends Suite {
        @Override
        List<String> startCommand() {
            return List.of(config("2_config.yaml"), config("2_config_override.yaml"), "--config", "Labels=extralabel=extravalue");
        }

        @Test
        void configOverrideFileAndFlag() throws Exception {
            JsonNode labels = onlyNodeApprovedConnectedRequester();
            assertFalse(labels.has("label1"), "Expected label1 to not exist");
            assertFalse(labels.has("label2"), "Expected label2 to not exist");
            assertEquals("extravalue", labels.path("extralabel").asText());
        }
    }

    /**
     * 5_orchestrator_no_config_suite_test.go: plain {@code serve}, so the node keeps its default API host (0.0.0.0,
     * the one node of these suites not on loopback); its ports, data dir and loopback broker come from the
     * environment (Bacalao refuses to open the broker on every interface without a token, where Bacalhau starts).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Suite5 extends Suite {
        @Override
        List<String> startCommand() {
            return List.of();
        }

        @Override
        List<String> testPlacement() {
            return List.of();
        }

        @Override
        Map<String, String> serveEnvironment() {
            Map<String, String> env = new HashMap<>(common(apiPort));
            env.put("BACALHAU_ORCHESTRATOR_HOST", "127.0.0.1"); // Bacalao refuses a broker open to all without a token
            env.put("BACALHAU_ORCHESTRATOR_PORT", String.valueOf(apiPort + 1));
            env.put("BACALHAU_DIR", root.resolve("node").toString());
            return env;
        }

        @Test
        void nodesCanBeListed() throws Exception {
            JsonNode nodes = json(bacalhau("node", "list", "--output=json"));
            assertEquals(1, nodes.size(), "There should be only one node, but actual count is: " + nodes.size());
            assertEquals("Requester", nodes.get(0).get("Info").get("NodeType").asText());
        }

        @Test
        void startingOrchestratorNodeWithConfigFile() throws Exception {
            JsonNode config = json(bacalhau("agent", "config", "--output=json"));
            assertTrue(config.get("Orchestrator").get("Enabled").asBoolean(), "Expected orchestrator to be enabled");
            assertTrue(config.get("Compute").path("Enabled").isMissingNode() || config.get("Compute").get("Enabled").isNull(),
                    "Expected Compute to be disabled, got: " + config.get("Compute").get("Enabled"));
            assertTrue(config.get("Compute").path("Labels").isMissingNode() || config.get("Compute").get("Labels").isNull(),
                    "Expected Compute labels to be null, got: " + config.get("Compute").get("Labels"));
            assertEquals("puuid", config.get("NameProvider").asText());
            assertEquals("0.0.0.0", config.get("API").get("Host").asText());
            assertEquals(apiPort, config.get("API").get("Port").asInt());
        }
    }
}
