package io.bacalao.domain.spec;

/**
 * Character rules for identifiers and paths. Bacalhau refuses NUL in IDs, names and namespaces; Bacalao refuses
 * every control character there (C0, DEL, C1, line and paragraph separators), the bidirectional overrides that
 * make a name display as another, and unpaired surrogates (which no store or terminal can encode). Letters of any
 * script remain allowed, as in Bacalhau.
 */
final class Texts {
    private static final int MAX_QUOTED = 80;

    private Texts() {
    }

    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isRefused(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isRefused(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** A user's value as it may appear in a message: control characters escaped, long values shortened. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length() && sb.length() < MAX_QUOTED) {
            int cp = s.codePointAt(i);
            if (isRefused(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return i < s.length() ? sb + "…" : sb.toString();
    }
}
