package io.bacalao.compute.storage.s3;

import io.bacalao.domain.s3.S3Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Expands an s3 input into the objects it selects ({@link KeySelection}), stopping at {@code maxObjects} objects or
 * {@code maxBytes} in total (the {@code InputSources.Types.S3.*} ceilings, so a prefix of millions of objects fails
 * at once instead of filling the node's disk). For one named object with a {@code ChecksumSHA256}, a different
 * checksum reported by S3 fails before any byte is fetched (Bacalhau's check); the bytes are verified after the
 * download either way.
 */
final class S3Listing {
    private S3Listing() {
    }

    /** Thrown with the user-facing message. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    static List<S3Object> expand(S3Client s3, S3Source source, long maxObjects, long maxBytes) throws Refused {
        KeySelection selection;
        try {
            selection = KeySelection.of(source.key(), source.filter());
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        if (selection.isSingleObject()) {
            HeadObjectRequest.Builder head = HeadObjectRequest.builder().bucket(source.bucket()).key(source.key());
            if (!source.versionId().isEmpty()) head.versionId(source.versionId());
            if (!source.checksumSha256().isEmpty()) head.checksumMode(ChecksumMode.ENABLED);
            HeadObjectResponse h = s3.headObject(head.build());
            if (h.contentType() == null || !h.contentType().startsWith("application/x-directory")) {
                checkReportedChecksum(source, h.checksumSHA256());
                Path relative = selection.relativePath(source.key()).orElseThrow(() -> unsafe(source.key()));
                S3Object o = new S3Object(source.key(), h.contentLength(), h.eTag(),
                        source.versionId().isEmpty() ? null : source.versionId(), relative);
                checkTotal(source, o.size(), maxBytes);
                return List.of(o);
            }
            selection = KeySelection.of(source.key() + "/", source.filter());
        }
        List<S3Object> found = new ArrayList<>();
        long total = 0;
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(source.bucket())
                    .prefix(selection.listPrefix()).continuationToken(token).build());
            for (var o : page.contents()) {
                if (!selection.selects(o.key())) continue;
                Optional<java.nio.file.Path> relative = selection.relativePath(o.key());
                if (relative.isEmpty()) throw unsafe(o.key());
                if (found.size() >= maxObjects) {
                    throw new Refused(source.uri() + " selects more than " + maxObjects + " objects ("
                            + io.bacalao.domain.config.ConfigKeys.S3_INPUT_MAX_OBJECTS + ")");
                }
                total += o.size();
                checkTotal(source, total, maxBytes);
                found.add(new S3Object(o.key(), o.size(), o.eTag(), null, relative.get()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        if (!source.checksumSha256().isEmpty() && found.size() != 1) {
            throw new Refused("ChecksumSHA256 names one object, but " + source.uri() + " selects " + found.size());
        }
        return found;
    }

    private static void checkReportedChecksum(S3Source source, String reported) throws Refused {
        if (source.checksumSha256().isEmpty() || reported == null || reported.isEmpty()) return;
        byte[] want;
        try {
            want = Sha256.parse(source.checksumSha256());
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        if (!java.util.Arrays.equals(want, java.util.Base64.getDecoder().decode(reported))) {
            throw new Refused("checksum mismatch for " + source.uri() + ", expected " + source.checksumSha256()
                    + ", got " + reported);
        }
    }

    private static void checkTotal(S3Source source, long total, long maxBytes) throws Refused {
        if (total > maxBytes) {
            throw new Refused(source.uri() + " is too large: more than " + maxBytes + " bytes ("
                    + io.bacalao.domain.config.ConfigKeys.S3_INPUT_MAX_BYTES + ")");
        }
    }

    private static Refused unsafe(String key) {
        return new Refused("object key \"" + key + "\" cannot be placed under the input's target (empty, '..' or"
                + " '\\' path segments)");
    }
}
