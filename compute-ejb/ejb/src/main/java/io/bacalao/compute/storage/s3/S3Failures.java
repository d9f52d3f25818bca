package io.bacalao.compute.storage.s3;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK errors into the messages a user sees on a failed execution, in Bacalhau's words where it has them
 * ({@code pkg/s3/errors.go}: {@code failed to fetch s3 input}, {@code failed to publish s3 result}) followed by
 * what happened and S3's error code: a missing bucket or key, access denied (which also covers unknown keys and bad
 * signatures: the node's credentials are not accepted), an unreachable endpoint. Never includes credentials.
 */
public final class S3Failures {
    private S3Failures() {
    }

    public static String describe(String action, String where, SdkException e) {
        return action + ": " + cause(where, e);
    }

    static String cause(String where, SdkException e) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode();
            code = code == null ? "" : code;
            int status = s3.statusCode();
            String bucket = bucketOf(where);
            return switch (code) {
                case "NoSuchBucket" -> "bucket " + bucket + " does not exist (NoSuchBucket, HTTP 404)";
                case "NoSuchKey", "NoSuchVersion" -> where + " does not exist (" + code + ", HTTP 404)";
                case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled",
                     "InvalidToken", "ExpiredToken" -> "access denied to " + where + " (" + code + ", HTTP " + status
                        + "): the compute node's AWS credentials are not allowed to do this";
                default -> switch (status) {
                    case 404 -> where + " does not exist (HTTP 404" + (code.isEmpty() ? "" : ", " + code) + ")";
                    case 403 -> "access denied to " + where + " (HTTP 403" + (code.isEmpty() ? "" : ", " + code)
                            + "): the compute node's AWS credentials are not allowed to do this";
                    default -> where + ": " + (code.isEmpty() ? "" : code + ", ") + "HTTP " + status
                            + (s3.awsErrorDetails() == null || s3.awsErrorDetails().errorMessage() == null ? ""
                            : ": " + s3.awsErrorDetails().errorMessage());
                };
            };
        }
        if (e instanceof SdkClientException) return where + ": " + e.getMessage();
        return where + ": " + e.getMessage();
    }

    private static String bucketOf(String where) {
        String rest = where.startsWith("s3://") ? where.substring(5) : where;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
