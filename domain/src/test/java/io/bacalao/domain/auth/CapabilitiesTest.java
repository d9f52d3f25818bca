package io.bacalao.domain.auth;

import static io.bacalao.domain.auth.Capabilities.Resource.AGENT;
import static io.bacalao.domain.auth.Capabilities.Resource.JOB;
import static io.bacalao.domain.auth.Capabilities.Resource.NODE;
import static io.bacalao.domain.auth.Capabilities.Resource.OPEN;
import static io.bacalao.domain.auth.Capabilities.Resource.OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The capability matcher as Bacalhau's pkg/authz/capabilities.go: routes, required actions, wildcards. */
class CapabilitiesTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/auth, OPEN", "/api/v1/auth/ClientKey, OPEN", "/api/v1/version, OPEN",
            "/api/v1/agent/alive, OPEN", "/api/v1/agent/version, OPEN", "/api/v1/agent/authconfig, OPEN",
            "/api/v1/agent/node, AGENT", "/api/v1/agent/config, AGENT", "/api/v1/agent, AGENT",
            "/api/v1/orchestrator/jobs, JOB", "/api/v1/orchestrator/jobs/j-1/logs, JOB",
            "/api/v1/orchestrator/nodes, NODE", "/api/v1/orchestrator/nodes/n-1, NODE",
            "/api/v1/requester/list, OTHER", "/, OTHER", "/health/ready, OTHER"})
    void resourceIsTheLongestMatchingPrefix(String path, Capabilities.Resource expected) {
        assertEquals(expected, Capabilities.resourceOf(path));
    }

    @Test
    void getReadsAndEveryOtherMethodWrites() {
        assertEquals("read:job", Capabilities.required(JOB, "GET"));
        assertEquals("write:job", Capabilities.required(JOB, "PUT"));
        assertEquals("write:job", Capabilities.required(JOB, "DELETE"));
        assertEquals("write:job", Capabilities.required(JOB, "HEAD"));
        assertEquals("read:node", Capabilities.required(NODE, "GET"));
        assertEquals("write:node", Capabilities.required(NODE, "POST"));
        assertEquals("read:agent", Capabilities.required(AGENT, "GET"));
        assertEquals("write:agent", Capabilities.required(AGENT, "POST"));
        // unlisted routes need node admin, for safety
        assertEquals("write:node", Capabilities.required(OTHER, "GET"));
        assertEquals("write:node", Capabilities.required(OPEN, "GET"));
    }

    @Test
    void actionsMatchExactlyOrByWildcard() {
        assertTrue(Capabilities.allows(List.of("read:job"), "read:job"));
        assertFalse(Capabilities.allows(List.of("read:job"), "write:job"));
        assertFalse(Capabilities.allows(List.of("read:job"), "read:node"));
        assertTrue(Capabilities.allows(List.of("*"), "write:node"));
        assertTrue(Capabilities.allows(List.of("read:*"), "read:agent"));
        assertFalse(Capabilities.allows(List.of("read:*"), "write:agent"));
        assertTrue(Capabilities.allows(List.of("write:*"), "write:job"));
        assertFalse(Capabilities.allows(List.of("write:*"), "read:job"));
        assertFalse(Capabilities.allows(List.of("job:*", "read", "READ:JOB"), "read:job"));
        assertFalse(Capabilities.allows(List.of(), "read:job"));
        assertFalse(Capabilities.allows(List.of("*"), ""));
    }
}
