package io.bacalao.compute.storage;

/** An input that cannot be provided; the message is shown to the user as the execution's failure. */
public class StorageException extends Exception {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
