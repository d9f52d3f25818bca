package io.bacalao.compute.env;

/** A task Env value that cannot be resolved on this node; the message is Bacalhau's, shown to the user. */
public class EnvResolutionException extends Exception {
    public EnvResolutionException(String message) {
        super(message);
    }
}
