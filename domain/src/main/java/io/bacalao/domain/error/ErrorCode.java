package io.bacalao.domain.error;

/** Error codes of the API with the HTTP status each maps to; {@link #NONE} is an error without a code (500). */
public enum ErrorCode {
    NONE("", 500),
    BAD_REQUEST("BadRequest", 400),
    VALIDATION_ERROR("ValidationError", 400),
    NOT_FOUND("NotFound", 404),
    UNAUTHORIZED("Unauthorized", 401),
    FORBIDDEN("Forbidden", 403),
    RESOURCE_IN_USE("ResourceInUse", 409),
    CONFLICT_NODE_STATE("ConflictNodeState", 409),
    MULTIPLE_JOBS_FOUND("MultipleJobsFound", 500),
    MULTIPLE_NODES_FOUND("MultipleNodesFound", 409),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
    NOT_IMPLEMENTED("NotImplemented", 501),
    RESOURCE_EXHAUSTED("ResourceExhausted", 429),
    CONFIGURATION_ERROR("ConfigurationError", 500),
    INTERNAL_ERROR("InternalError", 500);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
