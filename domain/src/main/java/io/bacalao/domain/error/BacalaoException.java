package io.bacalao.domain.error;

/**
 * An error a user can act on, with the code, component and optional hint that end up in the API error body.
 * Components name where it happened: "JobStore", "NodeManager", "APIServer", "Bacalhau"…
 */
public class BacalaoException extends RuntimeException {
    private final ErrorCode code;
    private final String component;
    private final String hint;
    private final int status;

    public BacalaoException(ErrorCode code, String component, String message, String hint) {
        this(code, code.status(), component, message, hint);
    }

    public BacalaoException(ErrorCode code, int status, String component, String message, String hint) {
        super(message);
        this.code = code;
        this.status = status;
        this.component = component;
        this.hint = hint == null ? "" : hint;
    }

    public static BacalaoException notFound(String component, String message) {
        return new BacalaoException(ErrorCode.NOT_FOUND, component, message, null);
    }

    public static BacalaoException badRequest(String component, String message) {
        return new BacalaoException(ErrorCode.BAD_REQUEST, component, message, null);
    }

    /** An error without a code: Bacalhau answers these with 500 and component "Bacalhau". */
    public static BacalaoException plain(String message, String hint) {
        return new BacalaoException(ErrorCode.NONE, "Bacalhau", message, hint);
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String component() {
        return component;
    }

    public String hint() {
        return hint;
    }
}
