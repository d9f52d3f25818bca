package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.api.ApiModels;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies are read with the domain's mapping under tighter limits for untrusted input. */
class JsonProviderTest {
    private final JsonProvider provider = new JsonProvider();

    private Object read(String body) throws IOException {
        return provider.readFrom(Object.class, ApiModels.PutJobRequest.class, null, null, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aJobRequestReadsWithCaseInsensitiveKeys() throws IOException {
        ApiModels.PutJobRequest r = (ApiModels.PutJobRequest) read("{\"job\":{\"Type\":\"batch\"}}");
        assertEquals("batch", r.job().get("Type").asText());
    }

    @Test
    void deepNestingIsAMalformedBodyNotAStackOverflow() {
        String deep = "{\"Job\":{\"Meta\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> read(deep));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void dataAfterTheJsonValueIsRefused() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> read("{\"Job\":{\"Type\":\"batch\"}} {\"Job\":{}}"));
        assertTrue(e.getMessage().contains("unexpected data after the JSON value"), e.getMessage());
    }

    @Test
    void overlongNumbersAreRefused() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> read("{\"Job\":{\"Count\":" + "9".repeat(200) + "}}"));
        assertTrue(e.getMessage().contains("Number value length"), e.getMessage());
    }
}
