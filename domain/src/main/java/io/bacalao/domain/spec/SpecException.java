package io.bacalao.domain.spec;

/** A job spec that cannot be read or is invalid. The message is what the user sees after "Error: ". */
public class SpecException extends RuntimeException {
    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
