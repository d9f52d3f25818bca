package io.bacalao.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodyLimitsTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        assertArrayEquals(body, new BoundedInputStream(new ByteArrayInputStream(body), 1000).readAllBytes());
    }

    @Test
    void aBodyPastTheLimitStopsAtTheLimitWithoutReadingTheRest() {
        CountingStream endless = new CountingStream();
        assertThrows(BoundedInputStream.BodyTooLargeException.class,
                () -> new BoundedInputStream(endless, 1000).readAllBytes());
        assertTrue(endless.served <= 1001, "read " + endless.served + " bytes");
        assertThrows(BoundedInputStream.BodyTooLargeException.class, () -> {
            InputStream in = new BoundedInputStream(new CountingStream(), 3);
            for (int i = 0; i < 5; i++) in.read();
        });
    }

    @Test
    void onlyJsonMediaTypesAreJson() {
        assertTrue(RequestBodyFilter.isJson("application/json"));
        assertTrue(RequestBodyFilter.isJson("Application/JSON; charset=utf-8"));
        assertFalse(RequestBodyFilter.isJson("text/plain"));
        assertFalse(RequestBodyFilter.isJson("application/x-www-form-urlencoded"));
        assertFalse(RequestBodyFilter.isJson(null));
    }

    /** An endless body that counts what it handed out. */
    private static final class CountingStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            served += len;
            return len;
        }
    }
}
