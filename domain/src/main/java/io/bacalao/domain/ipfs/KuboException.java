package io.bacalao.domain.ipfs;

import java.io.IOException;

/**
 * A Kubo RPC call that failed: the node could not be reached ({@link #unreachable()}), it answered with an error
 * (Kubo's {@code {"Message": …}} body, in the message), or what it sent was not what the command promises.
 */
public class KuboException extends IOException {
    private final boolean unreachable;

    KuboException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
