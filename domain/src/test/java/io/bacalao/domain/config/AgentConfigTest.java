package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code agent config} as Bacalhau serves it: zero values left out (its config types' omitempty, which
 * test_integration/5_orchestrator_no_config_suite_test.go relies on), sections kept, secrets redacted.
 */
class AgentConfigTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> tree, String name) {
        return (Map<String, Object>) tree.get(name);
    }

    @Test
    void falseEmptyAndZeroValuesAreLeftOutButTheirSectionsStay() {
        Map<String, Object> tree = Config.defaults().with(ConfigKeys.ORCHESTRATOR_ENABLED, "true").asAgentConfig();
        assertEquals(true, section(tree, "Orchestrator").get("Enabled"));
        assertTrue(tree.containsKey("Compute"), "a section stays, even when none of its keys is set");
        assertFalse(section(tree, "Compute").containsKey("Enabled"), "false is left out: " + section(tree, "Compute"));
        assertFalse(section(tree, "Orchestrator").get("Auth") instanceof Map<?, ?> auth && auth.containsKey("Token"),
                "an empty token is left out");
        assertFalse(tree.containsKey("Labels"), "no labels: left out");
        assertEquals("puuid", tree.get("NameProvider"));
        assertEquals("0.0.0.0", section(tree, "API").get("Host"));
    }

    @Test
    void setValuesAreShownAndSecretsRedacted() {
        Map<String, Object> tree = Config.defaults().with(ConfigKeys.LABELS, "a=1")
                .with(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, "s3cret").asAgentConfig();
        assertEquals(Map.of("a", "1"), tree.get("Labels"));
        assertEquals(Config.REDACTED, ((Map<?, ?>) section(tree, "Orchestrator").get("Auth")).get("Token"));
    }

    @Test
    void theFullTreeKeepsEveryKey() {
        Map<String, Object> tree = Config.defaults().asTree(true);
        assertEquals(false, section(tree, "Compute").get("Enabled"));
    }
}
