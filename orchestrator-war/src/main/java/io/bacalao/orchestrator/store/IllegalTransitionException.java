package io.bacalao.orchestrator.store;

/**
 * A change the state model refuses ({@code JobStateType.canTransitionTo}, {@code ExecutionStateType.canTransitionTo}):
 * a bug in whoever asked for it. The transaction rolls back and nothing of it is stored or sent.
 */
public class IllegalTransitionException extends IllegalStateException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
