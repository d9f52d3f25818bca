package io.bacalao.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwords inside URLs never reach {@code agent config} or a log line; everything else stays readable. */
class RedactionTest {
    private static final String R = Config.REDACTED;

    @Test
    void theUserInfoPasswordOfAUrlIsHidden() {
        assertEquals("jdbc:postgresql://bacalao:" + R + "@db.example:5432/jobs",
                Redaction.inText("jdbc:postgresql://bacalao:s3cret@db.example:5432/jobs"));
        assertEquals("tcp://node:" + R + "@broker:4222?sslEnabled=true", Redaction.inText("tcp://node:pass@broker:4222?sslEnabled=true"));
        assertEquals("nats://u:" + R + "@a:4222,nats://b:4222", Redaction.inText("nats://u:x@a:4222,nats://b:4222"));
    }

    @Test
    void passwordAndTokenParametersAreHidden() {
        assertEquals("jdbc:postgresql://h/db?user=bacalao&password=" + R + "&ssl=true",
                Redaction.inText("jdbc:postgresql://h/db?user=bacalao&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:/data/db;USER=sa;PASSWORD=" + R, Redaction.inText("jdbc:h2:/data/db;USER=sa;PASSWORD=pw"));
        assertEquals("tcp://b:4222?sslEnabled=true&trustStorePassword=" + R + "&keyStorePassword=" + R,
                Redaction.inText("tcp://b:4222?sslEnabled=true&trustStorePassword=a&keyStorePassword=b"));
        assertEquals("https://probe.example/ok?token=" + R, Redaction.inText("https://probe.example/ok?token=abc"));
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        for (String s : List.of("", "tcp://127.0.0.1:4222", "nats://a:4222,nats://b:4222", "jdbc:h2:/x/db;WRITE_DELAY=0",
                "https://user@host/path", "80%", "region=eu,zone=a")) {
            assertEquals(s, Redaction.inText(s));
        }
        assertNull(Redaction.inText(null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agentConfigHidesSecretKeysAndPasswordsInUrls() {
        Config c = Config.defaults().with(ConfigKeys.DATABASE_URL, "jdbc:postgresql://u:pw1@h/db?password=pw2")
                .with(ConfigKeys.DATABASE_PASSWORD, "pw3").with(ConfigKeys.ORCHESTRATOR_AUTH_TOKEN, "tok")
                .with(ConfigKeys.ORCHESTRATOR_BROKER_URL, "tcp://n:pw4@broker:61616?trustStorePassword=pw5")
                .with(ConfigKeys.COMPUTE_ORCHESTRATORS, "nats://n:pw6@a:4222,nats://b:4222");
        Map<String, Object> tree = c.asTree(true);
        String shown = tree.toString();
        for (String secret : List.of("pw1", "pw2", "pw3", "tok", "pw4", "pw5", "pw6")) {
            assertFalse(shown.contains(secret), secret + " in " + shown);
        }
        Map<String, Object> orchestrator = (Map<String, Object>) tree.get("Orchestrator");
        Map<String, Object> database = (Map<String, Object>) orchestrator.get("Database");
        assertEquals("jdbc:postgresql://u:" + R + "@h/db?password=" + R, database.get("URL"));
        assertEquals(R, database.get("Password"));
        Map<String, Object> compute = (Map<String, Object>) tree.get("Compute");
        assertEquals(List.of("nats://n:" + R + "@a:4222", "nats://b:4222"), compute.get("Orchestrators"));
        assertEquals("jdbc:postgresql://u:pw1@h/db?password=pw2",
                ((Map<String, Object>) ((Map<String, Object>) c.asTree(false).get("Orchestrator")).get("Database")).get("URL"));
    }
}
