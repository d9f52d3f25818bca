package io.bacalao.compute.executor;

/** An execution that could not run or was killed; the message is what the user sees. */
public class ExecutionFailure extends Exception {
    public ExecutionFailure(String message) {
        super(message);
    }

    public ExecutionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
