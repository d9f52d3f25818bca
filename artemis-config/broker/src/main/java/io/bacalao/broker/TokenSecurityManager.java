package io.bacalao.broker;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * Admits a connection whose password equals the shared token ({@code Orchestrator.Auth.Token}); the user
 * name is free. Every admitted connection may use every address. A stock Artemis broker can use it too: put
 * this jar in its {@code lib/} and name it in {@code bootstrap.xml} as
 * {@code <security-manager class-name="io.bacalao.broker.TokenSecurityManager"><property key="token" value="…"/></security-manager>}.
 */
public final class TokenSecurityManager implements ActiveMQSecurityManager {
    private byte[] token = new byte[0];

    /** For Artemis' bootstrap.xml, which then calls {@link #init} with the {@code token} property. */
    public TokenSecurityManager() {
    }

    public TokenSecurityManager(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ActiveMQSecurityManager init(Map<String, String> properties) {
        String t = properties.get("token");
        if (t == null || t.isEmpty()) throw new IllegalArgumentException("TokenSecurityManager needs a non-empty 'token' property");
        token = t.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return password != null && token.length > 0 && MessageDigest.isEqual(token, password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
