package io.bacalao.broker;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * Admits a connection whose password equals the shared token ({@code Orchestrator.Auth.Token}); the user
 * name is free. Every admitted connection may use every address.
 */
final class TokenSecurityManager implements ActiveMQSecurityManager {
    private final byte[] token;

    TokenSecurityManager(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean validateUser(String user, String password) {
        return password != null && MessageDigest.isEqual(token, password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
