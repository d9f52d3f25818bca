package io.bacalao.broker;

import io.bacalao.broker.BrokerAccess.Identity;
import io.bacalao.broker.BrokerAccess.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;

/**
 * Authenticates broker connections and authorises what they do ({@link BrokerAccess}); never admits a connection
 * without credentials. Credentials (user / password):
 * <ul>
 *   <li>{@value #ORCHESTRATOR_USER} / the orchestrator's own password: the orchestrator;</li>
 *   <li>node ID / {@code <join token>:<node secret>} (64 hex digits): that compute node, once the node ID is
 *       bound to the secret ({@link NodeBindings}: the first connection binds it);</li>
 *   <li>{@code observer:<anything>} / {@code <join token>} (only when the token is not empty): an observer of node
 *       events.</li>
 * </ul>
 * The user name alone decides the kind (node IDs never contain ':'), because Artemis caches authorisation per user
 * name: a name must never be a node at one time and an observer at another.
 * A stock Artemis broker can use it too: put this jar in its {@code lib/} and name it in {@code bootstrap.xml} as
 * {@code <security-manager class-name="io.bacalao.broker.TokenSecurityManager">} with the properties {@code token},
 * {@code orchestratorPassword} and {@code bindings} (the bindings file).
 */
public final class TokenSecurityManager implements ActiveMQSecurityManager5 {
    public static final String ORCHESTRATOR_USER = "bacalao-orchestrator";
    /** Prefix of observer user names. */
    public static final String OBSERVER_PREFIX = "observer:";

    private byte[] token = new byte[0];
    private byte[] orchestratorPassword = new byte[0];
    private NodeBindings bindings;

    /** For Artemis' bootstrap.xml, which then calls {@link #init}. */
    public TokenSecurityManager() {
    }

    /**
     * @param token                the join token compute nodes present (may be empty: nodes still need their secret)
     * @param orchestratorPassword the orchestrator's own password; must not be empty
     */
    public TokenSecurityManager(String token, String orchestratorPassword, NodeBindings bindings) {
        if (orchestratorPassword == null || orchestratorPassword.isEmpty()) {
            throw new IllegalArgumentException("the broker needs the orchestrator's own password");
        }
        this.token = (token == null ? "" : token).getBytes(StandardCharsets.UTF_8);
        this.orchestratorPassword = orchestratorPassword.getBytes(StandardCharsets.UTF_8);
        this.bindings = bindings;
    }

    @Override
    public ActiveMQSecurityManager init(Map<String, String> properties) {
        String bindingsFile = properties.get("bindings");
        if (bindingsFile == null || bindingsFile.isBlank()) {
            throw new IllegalArgumentException("TokenSecurityManager needs a 'bindings' property (a file path)");
        }
        TokenSecurityManager m = new TokenSecurityManager(properties.get("token"), properties.get("orchestratorPassword"),
                new NodeBindings(Path.of(bindingsFile)));
        token = m.token;
        orchestratorPassword = m.orchestratorPassword;
        bindings = m.bindings;
        return this;
    }

    public NodeBindings bindings() {
        return bindings;
    }

    /** Who these credentials are, or null when they admit no one. */
    public Identity identify(String user, String password) {
        if (user == null || password == null || user.isEmpty()) return null;
        if (ORCHESTRATOR_USER.equals(user)) {
            return equal(orchestratorPassword, password) ? new Identity(Kind.ORCHESTRATOR, user) : null;
        }
        if (user.startsWith(OBSERVER_PREFIX)) return equal(token, password) ? new Identity(Kind.OBSERVER, user) : null;
        int colon = password.lastIndexOf(':');
        if (colon < 0) return null;
        // an empty join token (loopback only) still needs the node's secret
        if (!MessageDigest.isEqual(token, password.substring(0, colon).getBytes(StandardCharsets.UTF_8))) return null;
        return bindings.admit(user, password.substring(colon + 1)) ? new Identity(Kind.NODE, user) : null;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        Identity who = identify(user, password);
        if (who == null) return null;
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal(who.name()));
        s.getPrincipals().add(new RolePrincipal(who.kind().name()));
        return s;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        return BrokerAccess.allows(identity(subject), checkType, address);
    }

    private static Identity identity(Subject subject) {
        if (subject == null) return null;
        String user = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName).findFirst().orElse(null);
        String kind = subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName).findFirst().orElse(null);
        if (user == null || kind == null) return null;
        return new Identity(Kind.valueOf(kind), user);
    }

    @Override
    public boolean validateUser(String user, String password) {
        return identify(user, password) != null;
    }

    /** Artemis calls {@link #authorize} instead; without an address nothing can be granted here. */
    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private static boolean equal(byte[] expected, String given) {
        return expected.length > 0 && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }
}
