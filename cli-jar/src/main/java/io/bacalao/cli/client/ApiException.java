package io.bacalao.cli.client;

import io.bacalao.domain.error.ApiError;

/** The orchestrator answered with an error body. */
public class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.message());
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public int status() {
        return error.status();
    }
}
