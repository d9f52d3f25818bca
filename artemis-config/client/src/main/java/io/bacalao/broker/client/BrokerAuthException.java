package io.bacalao.broker.client;

/** The broker refused the credentials: the node's token does not match the orchestrator's. */
public class BrokerAuthException extends BrokerUnavailableException {
    public BrokerAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
