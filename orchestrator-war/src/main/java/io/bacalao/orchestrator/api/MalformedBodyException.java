package io.bacalao.orchestrator.api;

/** A request body that is not valid JSON for the route. */
public class MalformedBodyException extends RuntimeException {
    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
