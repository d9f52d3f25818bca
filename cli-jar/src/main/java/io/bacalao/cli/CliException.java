package io.bacalao.cli;

/** An error the user can act on; printed as {@code Error: <message>} (and {@code Hint: …}) with exit code 1. */
public class CliException extends RuntimeException {
    private final String hint;

    public CliException(String message) {
        this(message, null);
    }

    public CliException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
