package io.bacalao.domain.s3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Whether this node has AWS credentials to offer S3 with, checked without loading the AWS SDK (so a node that never
 * runs an S3 job never pays for it). Bacalhau advertises {@code s3} when its default AWS chain yields keys
 * ({@code pkg/s3/utils.go} {@code HasValidCredentials}); this looks where that chain looks first: the
 * {@code aws.accessKeyId} system property, {@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY}, a web identity
 * token file, container credentials, and the shared credentials or config file ({@code AWS_SHARED_CREDENTIALS_FILE}
 * / {@code aws.sharedCredentialsFile}, {@code AWS_CONFIG_FILE} / {@code aws.configFile}, else under
 * {@code ~/.aws/}). EC2 instance metadata is not probed: such nodes set one of the above (docs/s3.md).
 */
public final class AwsCredentialsPresence {
    private AwsCredentialsPresence() {
    }

    public static boolean present() {
        return present(System.getenv(), System.getProperties());
    }

    public static boolean present(Map<String, String> env, Properties props) {
        if (has(props.getProperty("aws.accessKeyId"))) return true;
        if (has(env.get("AWS_ACCESS_KEY_ID")) && has(env.get("AWS_SECRET_ACCESS_KEY"))) return true;
        if (has(env.get("AWS_WEB_IDENTITY_TOKEN_FILE")) || has(env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
                || has(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"))) {
            return true;
        }
        String home = has(env.get("HOME")) ? env.get("HOME") : props.getProperty("user.home", "");
        return readable(first(props.getProperty("aws.sharedCredentialsFile"), env.get("AWS_SHARED_CREDENTIALS_FILE"),
                home.isEmpty() ? null : home + "/.aws/credentials"))
                || readable(first(props.getProperty("aws.configFile"), env.get("AWS_CONFIG_FILE"),
                home.isEmpty() ? null : home + "/.aws/config"));
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }

    private static String first(String... candidates) {
        for (String c : candidates) if (has(c)) return c;
        return null;
    }

    private static boolean readable(String file) {
        return file != null && Files.isReadable(Path.of(file)) && Files.isRegularFile(Path.of(file));
    }
}
