package io.bacalao.orchestrator.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed {@code max} bytes: reading byte {@code max + 1} throws
 * {@link BodyTooLargeException}, so no more than the limit (plus one read buffer) is ever taken into memory,
 * also for chunked bodies that announce no length.
 */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    BoundedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counted(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, (int) Math.min(len, max - count + 1));
        if (n > 0) counted(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, max - count + 1));
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > max) throw new BodyTooLargeException(max);
    }

    /** The body went past the limit: answered with 413. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long max) {
            super("request body larger than " + max + " bytes");
        }
    }
}
