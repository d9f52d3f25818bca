package io.bacalao.domain.auth;

/**
 * The authoriser's answer (Bacalhau's {@code authz.Authorization}): approved; or refused with a valid credential
 * that lacks the capability (403); or refused without a valid credential (401). {@code principal} names who was
 * recognised (empty for anonymous or unrecognised callers) and never holds a secret.
 */
public record Decision(boolean approved, boolean tokenValid, String reason, String principal) {
    static final Decision OPEN = new Decision(true, true, "", "");

    static Decision allow(String principal) {
        return new Decision(true, true, "", principal);
    }

    static Decision forbidden(String principal, String required) {
        return new Decision(false, true, "user '" + principal + "' does not have the required capability '"
                + required + "'", principal);
    }

    static Decision unauthorized(String reason) {
        return new Decision(false, false, reason, "");
    }
}
