package io.bacalao.compute.publisher;

/** Results that could not be published; the message is shown as the execution's failure. */
public class PublishException extends Exception {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
