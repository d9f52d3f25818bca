package io.bacalao.orchestrator.api;

/**
 * The order of the API's request filters (lower runs first), as Bacalhau's middleware chain: request ID, rate
 * limit, CORS, body limits, the authoriser, then the client-version gate. A refusal by an earlier filter skips the later ones.
 */
final class ApiFilterOrder {
    static final int REQUEST_ID = 100;
    static final int RATE_LIMIT = 200;
    static final int CORS = 300;
    static final int BODY = 400;
    static final int AUTH = 500;

    private ApiFilterOrder() {
    }
}
