package io.bacalao.orchestrator.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void outOfMemoryAndStackOverflowAreFailuresOfTheItemOtherVmErrorsAreFatal() {
        assertFalse(Failures.isVmFatal(new OutOfMemoryError("Java heap space")));
        assertFalse(Failures.isVmFatal(new StackOverflowError()));
        assertFalse(Failures.isVmFatal(new IllegalStateException("x")));
        assertFalse(Failures.isVmFatal(new NoClassDefFoundError("x")));
        assertTrue(Failures.isVmFatal(new InternalError("x")));
        assertTrue(Failures.isVmFatal(new UnknownError("x")));
    }

    @Test
    void rethrowIfVmFatalRethrowsOnlyVmFatalErrors() {
        InternalError fatal = new InternalError("broken");
        assertSame(fatal, assertThrows(InternalError.class, () -> Failures.rethrowIfVmFatal(fatal)));
        Failures.rethrowIfVmFatal(new OutOfMemoryError());
        Failures.rethrowIfVmFatal(new RuntimeException());
    }

    @Test
    void describeLooksThroughWrappersAndKeepsTheFirstLine() {
        var cause = new java.io.IOException("Unexpected end-of-input\n at [Source: (String)\"{\"; line: 1]");
        assertEquals("IOException: Unexpected end-of-input",
                Failures.describe(new EJBException(new UncheckedIOException(cause))));
        assertEquals("IllegalArgumentException: invalid CPU value: lots", Failures.describe(new EJBException(
                new IllegalArgumentException("invalid CPU value: lots", new NumberFormatException("lots")))));
        assertEquals("OutOfMemoryError: Java heap space", Failures.describe(new OutOfMemoryError("Java heap space")));
        assertEquals("StackOverflowError", Failures.describe(new StackOverflowError()));
    }

    @Test
    void describeIsBounded() {
        String d = Failures.describe(new IllegalArgumentException("x".repeat(10_000)));
        assertEquals(Failures.MAX_DESCRIPTION, d.length());
        assertTrue(d.endsWith("…"));
    }
}
