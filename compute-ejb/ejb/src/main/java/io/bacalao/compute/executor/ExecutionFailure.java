package io.bacalao.compute.executor;

import io.bacalao.domain.model.EventTopics;

/**
 * An execution that could not run or was killed; the message is what the user sees, the topic names the step that
 * failed in the execution's history ({@value EventTopics#EXECUTION} unless said otherwise).
 */
public class ExecutionFailure extends Exception {
    private final String topic;

    public ExecutionFailure(String message) {
        this(message, EventTopics.EXECUTION);
    }

    public ExecutionFailure(String message, String topic) {
        super(message);
        this.topic = topic;
    }

    public ExecutionFailure(String message, Throwable cause) {
        super(message, cause);
        this.topic = EventTopics.EXECUTION;
    }

    public String topic() {
        return topic;
    }
}
