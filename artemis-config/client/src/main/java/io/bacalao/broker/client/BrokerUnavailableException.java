package io.bacalao.broker.client;

/** The broker could not be reached or refused the operation; callers retry later. */
public class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
