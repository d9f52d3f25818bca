package io.bacalao.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.domain.spec.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What subscribers of bacalao.events.nodes read, and the node actions of PUT /nodes/{id}. */
class NodeEventJsonTest {
    @Test
    void eventsArePascalCaseWithNamesAndAnRfc3339Time() {
        NodeEvent e = NodeEvent.connection("n-1", NodeConnection.CONNECTED, NodeConnection.DISCONNECTED, "no heartbeat for 10s",
                Instant.parse("2026-11-27T10:00:00Z"));
        assertEquals("{\"NodeID\":\"n-1\",\"Type\":\"CONNECTION\",\"Previous\":\"CONNECTED\",\"Current\":\"DISCONNECTED\","
                + "\"Message\":\"no heartbeat for 10s\",\"Time\":\"2026-11-27T10:00:00Z\"}", Json.write(e));
        assertEquals(e, Json.read(Json.write(e), NodeEvent.class));
    }

    @Test
    void aFirstRegistrationHasNoPreviousAndADeletionNoCurrent() {
        Instant t = Instant.EPOCH;
        assertEquals("", NodeEvent.membership("n-1", null, NodeMembership.PENDING, "registered", t).previous());
        assertEquals("", NodeEvent.deleted("n-1", NodeMembership.APPROVED, "deleted", t).current());
    }

    @Test
    void actionsAreBacalhausLowerCaseWordsAndNothingElse() {
        assertEquals(Optional.of(NodeAction.APPROVE), NodeAction.parse("approve"));
        assertEquals(Optional.of(NodeAction.REJECT), NodeAction.parse("Reject"));
        assertEquals(Optional.empty(), NodeAction.parse("frobnicate"));
        assertEquals(Optional.empty(), NodeAction.parse(null));
        assertEquals("delete", NodeAction.DELETE.json());
    }
}
