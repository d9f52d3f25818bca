package io.bacalao.cli.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * One CSV record as Go's encoding/csv reads a flag value: fields split on commas; a field that starts with a
 * double quote runs to the closing quote, with {@code ""} standing for one quote inside it.
 */
final class CsvFields {
    private CsvFields() {
    }

    /** The fields of {@code text}; throws IllegalArgumentException for an unterminated quoted field. */
    static List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quoted field");
                    char c = text.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new IllegalArgumentException("extraneous text after a quoted field");
                }
            } else {
                while (i < n && text.charAt(i) != ',') field.append(text.charAt(i++));
            }
            fields.add(field.toString());
            if (i >= n) return fields;
            i++;
        }
    }
}
