package io.bacalao.compute.publisher.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Puts one file as one object: a single PUT up to {@code partSize} bytes, else a multipart upload of
 * {@code partSize} parts (the last one smaller), read one part at a time so at most one part is in memory, and
 * aborted when a part fails so no orphan parts stay billed. Returns the object's version ID ("" when the bucket is
 * not versioned).
 */
final class S3Upload {
    /** S3 refuses parts under 5 MiB (but the last). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    private S3Upload() {
    }

    static String put(S3Client s3, String bucket, String key, Path file, long partSize) throws IOException {
        long size = Files.size(file);
        long part = Math.max(MIN_PART_SIZE, partSize);
        if (size <= part) {
            PutObjectResponse r = s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(),
                    RequestBody.fromFile(file));
            return r.versionId() == null ? "" : r.versionId();
        }
        String uploadId = s3.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket).key(key).build())
                .uploadId();
        try (InputStream in = Files.newInputStream(file)) {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[(int) Math.min(part, Integer.MAX_VALUE - 8)];
            for (int number = 1; ; number++) {
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n <= 0) break;
                String eTag = s3.uploadPart(UploadPartRequest.builder().bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(number).contentLength((long) n).build(), RequestBody.fromBytes(
                        n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            CompleteMultipartUploadResponse done = s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                    .bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build());
            return done.versionId() == null ? "" : done.versionId();
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key)
                        .uploadId(uploadId).build());
            } catch (SdkException abort) {
                e.addSuppressed(abort);
            }
            throw e;
        }
    }
}
