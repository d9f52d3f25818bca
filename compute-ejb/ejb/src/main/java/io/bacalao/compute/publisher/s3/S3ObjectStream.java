package io.bacalao.compute.publisher.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Bytes written here become one S3 object, uploaded while they are still being written: every {@code partSize}
 * bytes are one part of a multipart upload, up to {@code parallelism} parts in flight at once on their own threads
 * (the writer waits for a free slot, so at most {@code parallelism + 1} parts are in memory). Fewer than
 * {@code partSize} bytes in all go up as one PUT. Nothing is visible in the bucket before {@link #complete()};
 * {@link #abort()} (or a failed part, at {@code complete}) discards the parts. {@link #close()} only ends writing,
 * so a writer that closes its stream on failure never publishes a truncated object.
 */
final class S3ObjectStream extends OutputStream {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final int partSize;
    private final Semaphore slots;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private byte[] buffer;
    private int filled;
    private String uploadId;
    private boolean finished;

    S3ObjectStream(S3Client s3, String bucket, String key, int partSize, int parallelism, long sizeHint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.partSize = partSize;
        this.slots = new Semaphore(Math.max(1, parallelism));
        this.buffer = new byte[(int) Math.max(1, Math.min(partSize, sizeHint))];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (finished) throw new IOException("the upload of s3://" + bucket + "/" + key + " has ended");
        while (len > 0) {
            if (filled == buffer.length) {
                if (buffer.length < partSize) {
                    buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length));
                } else {
                    sendPart();
                }
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Ends writing; the object is published only by {@link #complete()}. */
    @Override
    public void close() {
        finished = true;
    }

    /** Publishes the object and returns its version ID ("" when the bucket is not versioned). */
    String complete() throws IOException {
        finished = true;
        try {
            if (uploadId == null) {
                String v = s3.putObject(p -> p.bucket(bucket).key(key), body(buffer, filled)).versionId();
                return v == null ? "" : v;
            }
            if (filled > 0) sendPart();
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : parts) done.add(f.get());
            done.sort(Comparator.comparing(CompletedPart::partNumber));
            String v = s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done))).versionId();
            uploadId = null;
            return v == null ? "" : v;
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading s3://" + bucket + "/" + key, e);
        } finally {
            abort();
        }
    }

    /** Discards what was uploaded (no-op once completed); never throws. */
    void abort() {
        finished = true;
        parts.forEach(f -> f.cancel(true));
        pool.shutdownNow();
        if (uploadId == null) return;
        try {
            s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
            // S3 removes abandoned parts with the bucket's lifecycle rules; nothing more to do here
        }
        uploadId = null;
    }

    private void sendPart() throws IOException {
        if (uploadId == null) uploadId = s3.createMultipartUpload(c -> c.bucket(bucket).key(key)).uploadId();
        failFast();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading s3://" + bucket + "/" + key, e);
        }
        int number = parts.size() + 1;
        byte[] part = buffer;
        int length = filled;
        String id = uploadId;
        parts.add(pool.submit(() -> {
            try {
                String eTag = s3.uploadPart(u -> u.bucket(bucket).key(key).uploadId(id).partNumber(number)
                        .contentLength((long) length), body(part, length)).eTag();
                return CompletedPart.builder().partNumber(number).eTag(eTag).build();
            } finally {
                slots.release();
            }
        }));
        buffer = new byte[partSize];
        filled = 0;
    }

    /** The first {@code length} bytes of {@code bytes}, read in place (not copied), again on each SDK retry. */
    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }

    /** Stops the writer early when a part has already failed. */
    private void failFast() throws IOException {
        for (Future<CompletedPart> f : parts) {
            if (f.isDone() && !f.isCancelled()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    /** A part's failure as the writer's: SDK and other runtime errors unchanged, the rest as an IOException. */
    private static IOException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException r) throw r;
        if (cause instanceof IOException io) return io;
        return new IOException(cause);
    }
}
