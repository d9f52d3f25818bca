package io.bacalao.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.broker.BrokerAccess.Kind;
import java.nio.file.Path;
import java.util.Map;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which credentials make which identity; the user name alone decides the kind. */
class TokenSecurityManagerTest {
    static final String SECRET = "a".repeat(64);
    @TempDir
    Path dir;

    TokenSecurityManager manager(String token) {
        return new TokenSecurityManager(token, "orchestrator-pw", new NodeBindings(dir.resolve("node-bindings")));
    }

    @Test
    void credentialsMakeTheOrchestratorANodeOrAnObserver() {
        TokenSecurityManager m = manager("tok");
        assertEquals(Kind.ORCHESTRATOR, m.identify(TokenSecurityManager.ORCHESTRATOR_USER, "orchestrator-pw").kind());
        assertEquals(Kind.NODE, m.identify("n-1", "tok:" + SECRET).kind());
        assertEquals(Kind.OBSERVER, m.identify("observer:grafana", "tok").kind());
    }

    @Test
    void theJoinTokenAloneIsNoNodeAndNoOrchestrator() {
        TokenSecurityManager m = manager("tok");
        assertNull(m.identify("n-1", "tok"));
        assertNull(m.identify(TokenSecurityManager.ORCHESTRATOR_USER, "tok"));
        assertNull(m.identify("observer:x", "tok:" + SECRET), "an observer name is never a node");
        assertNull(m.identify("n-1", "wrong:" + SECRET));
        assertNull(m.identify(null, null));
        assertNull(m.identify("", "tok:" + SECRET));
    }

    @Test
    void aJoinTokenContainingAColonStillWorks() {
        assertEquals(Kind.NODE, manager("a:b").identify("n-1", "a:b:" + SECRET).kind());
    }

    @Test
    void withAnEmptyTokenNodesStillNeedTheirSecretAndObserversCannotLogIn() {
        TokenSecurityManager m = manager("");
        assertEquals(Kind.NODE, m.identify("n-1", ":" + SECRET).kind());
        assertNull(m.identify("n-1", ""));
        assertNull(m.identify("observer:x", ""));
    }

    @Test
    void authorisationFollowsTheAuthenticatedSubject() {
        TokenSecurityManager m = manager("tok");
        Subject node = m.authenticate("n-1", "tok:" + SECRET, null, null);
        assertTrue(m.authorize(node, null, CheckType.SEND, Addresses.ORCHESTRATOR));
        assertEquals(false, m.authorize(node, null, CheckType.SEND, Addresses.computeQueue("n-2")));
        assertNull(m.authenticate("n-1", "tok:" + "b".repeat(64), null, null));
        assertEquals(false, m.authorize(null, null, CheckType.SEND, Addresses.ORCHESTRATOR));
    }

    @Test
    void aStockBrokerConfiguresItFromBootstrapProperties() {
        TokenSecurityManager m = (TokenSecurityManager) new TokenSecurityManager().init(Map.of("token", "tok",
                "orchestratorPassword", "pw", "bindings", dir.resolve("b").toString()));
        assertEquals(Kind.ORCHESTRATOR, m.identify(TokenSecurityManager.ORCHESTRATOR_USER, "pw").kind());
        assertThrows(IllegalArgumentException.class, () -> new TokenSecurityManager().init(Map.of("token", "tok",
                "bindings", dir.resolve("b").toString())));
        assertThrows(IllegalArgumentException.class, () -> new TokenSecurityManager().init(Map.of("token", "tok",
                "orchestratorPassword", "pw")));
    }
}
