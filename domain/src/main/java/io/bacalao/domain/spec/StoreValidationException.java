package io.bacalao.domain.spec;

/** A job the store refuses (identifiers, publisher/result paths): Bacalhau answers these with BadRequest from JobStore. */
public class StoreValidationException extends SpecException {
    public StoreValidationException(String message) {
        super(message);
    }
}
