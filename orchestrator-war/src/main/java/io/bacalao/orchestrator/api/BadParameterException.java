package io.bacalao.orchestrator.api;

/** A query parameter or path part the API cannot use; answered with 400 and this message. */
public class BadParameterException extends RuntimeException {
    public BadParameterException(String message) {
        super(message);
    }
}
