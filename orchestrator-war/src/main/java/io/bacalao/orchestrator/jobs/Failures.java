package io.bacalao.orchestrator.jobs;

import jakarta.ejb.EJBException;
import java.io.UncheckedIOException;

/**
 * How the orchestrator's background work (evaluations, sweeps, housekeeping) treats what one item throws.
 *
 * <p>Every {@link Throwable} counts as a failure of the item being processed, including
 * {@link OutOfMemoryError} and {@link StackOverflowError}: both are thrown in the thread that processes the
 * item and unwind with it. A stack overflow leaves the VM intact; an out-of-memory error caused by the item's
 * own allocation (a huge Count, say) frees that memory when it unwinds. When the heap is full for another
 * reason, the innocent item loses one of its attempts and succeeds on the next. Other
 * {@link VirtualMachineError}s (an {@link InternalError}, an {@link UnknownError}) say the VM itself is broken;
 * those are never blamed on an item nor swallowed: they propagate.
 */
public final class Failures {
    /** Longest failure description kept (in a log line, an evaluation row, a job's State.Message). */
    static final int MAX_DESCRIPTION = 500;

    private Failures() {
    }

    /** A condition of the whole VM, not of the item being processed. */
    public static boolean isVmFatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)
                && !(t instanceof StackOverflowError);
    }

    private static boolean isWrapper(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null || cause == t) return false;
        return t instanceof EJBException || t instanceof UncheckedIOException || t.getMessage() == null
                || t.getMessage().equals(cause.toString());
    }

    /** Rethrows a VM-fatal error; returns for anything else. */
    public static void rethrowIfVmFatal(Throwable t) {
        if (isVmFatal(t)) throw (VirtualMachineError) t;
    }

    /**
     * One line: the simple class name and the first line of the message of the failure, looking through
     * wrappers (an EJB container's, an unchecked I/O exception, any exception that only repeats its cause), bounded.
     */
    public static String describe(Throwable t) {
        Throwable root = t;
        for (int depth = 0; isWrapper(root) && depth < 16; depth++) root = root.getCause();
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) message = message.substring(0, newline).strip();
        String name = root.getClass().getSimpleName();
        String text = message.isEmpty() ? name : name + ": " + message;
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
