package io.bacalao.cli.spec;

import io.bacalao.cli.CliException;

/** The one shape of a bad flag value: {@code invalid <what> "<value>": <why>}, with the flag's syntax as hint. */
final class FlagValues {
    private FlagValues() {
    }

    static CliException invalid(String what, String value, String why, String syntax) {
        return new CliException("invalid " + what + " \"" + value + "\": " + why, syntax);
    }

    /** Go's strings.Trim(s, " '\""): the quotes and blanks a shell may leave around a value. */
    static String unquote(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " '\"".indexOf(s.charAt(start)) >= 0) start++;
        while (end > start && " '\"".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(start, end);
    }
}
