package io.bacalao.domain.s3;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCredentialsPresenceTest {
    @Test
    void aNodeWithoutAnyCredentialsDoesNotOfferS3(@TempDir Path home) {
        assertFalse(AwsCredentialsPresence.present(Map.of("HOME", home.toString()), new Properties()));
        assertFalse(AwsCredentialsPresence.present(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", "a"),
                new Properties()), "a key without its secret is not a credential");
    }

    @Test
    void environmentKeysOrACredentialsFileAreEnough(@TempDir Path home) throws Exception {
        assertTrue(AwsCredentialsPresence.present(Map.of("HOME", home.toString(), "AWS_ACCESS_KEY_ID", "a",
                "AWS_SECRET_ACCESS_KEY", "b"), new Properties()));
        Path file = Files.writeString(home.resolve("creds"), "[default]\n");
        Properties p = new Properties();
        p.setProperty("aws.sharedCredentialsFile", file.toString());
        assertTrue(AwsCredentialsPresence.present(Map.of("HOME", home.toString()), p));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\n");
        assertTrue(AwsCredentialsPresence.present(Map.of("HOME", home.toString()), new Properties()));
    }
}
