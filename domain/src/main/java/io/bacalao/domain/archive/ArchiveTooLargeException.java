package io.bacalao.domain.archive;

/** An archive that would unpack to more bytes or entries than {@link UnpackLimits} allow; the unpack stops there. */
public class ArchiveTooLargeException extends UnsafeArchiveException {
    public ArchiveTooLargeException(String message) {
        super(message);
    }
}
