package io.bacalao.orchestrator.store;

/**
 * Where a row keeps its JSON: in a {@code VARCHAR(INLINE_CHARS)} column, which H2 and PostgreSQL read with the
 * row, and only when the text is longer than that in a LOB column beside it ({@code …_LARGE}), which H2 reads
 * through a separate LOB store. Exactly one of the two holds the text. Every JSON a sound job produces fits
 * inline: a job's whole JSON is refused at submission beyond 1 MiB ({@code SpecLimits}); the LOB column is
 * there so that no write of a larger text (a long state message, a huge output) can fail.
 */
final class SplitText {
    /**
     * Longest text kept inline, in Java characters (UTF-16 units, so never fewer than the database counts):
     * H2's largest {@code CHARACTER VARYING} (1 Mi characters).
     */
    static final int INLINE_CHARS = 1_048_576;

    private SplitText() {
    }

    /** The inline column's value: the text, or null when it goes to the LOB column. */
    static String inline(String text) {
        return text == null || text.length() > INLINE_CHARS ? null : text;
    }

    /** The LOB column's value: null unless the text is too long for the inline column. */
    static String large(String text) {
        return text == null || text.length() <= INLINE_CHARS ? null : text;
    }

    /** The text a row holds in either column (null when it holds none). */
    static String join(String inline, String large) {
        return inline != null ? inline : large;
    }
}
