package io.bacalao.domain.archive;

import java.io.IOException;

/** An archive entry that would be written outside its destination, or a link; the whole unpack is refused. */
public class UnsafeArchiveException extends IOException {
    public UnsafeArchiveException(String message) {
        super(message);
    }
}
