package io.bacalao.domain.archive;

/**
 * Ceilings on what one unpack may create: {@code maxBytes} is the total size of the files written (bytes, as the
 * entries declare and as actually copied), {@code maxEntries} the number of files and directories. They exist so
 * that a small compressed archive (a "gzip bomb") cannot fill the disk or the inode table of the node unpacking it.
 */
public record UnpackLimits(long maxBytes, long maxEntries) {
    /** For archives this process wrote itself (results it downloads back). */
    public static final UnpackLimits NONE = new UnpackLimits(Long.MAX_VALUE, Long.MAX_VALUE);

    public UnpackLimits {
        if (maxBytes < 0 || maxEntries < 0) throw new IllegalArgumentException("unpack limits must not be negative");
    }
}
