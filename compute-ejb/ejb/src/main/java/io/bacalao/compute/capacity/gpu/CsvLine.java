package io.bacalao.compute.capacity.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of the simple CSV the vendor tools print: comma-separated, fields optionally wrapped in double
 * quotes (a quoted field may contain commas; {@code ""} inside quotes is a literal quote). Fields are trimmed.
 */
final class CsvLine {
    private CsvLine() {
    }

    /**
     * Where each wanted column is in a header (already split and normalised); an IllegalArgumentException
     * "{@code problem} X: line" names the first one missing.
     */
    static int[] positions(List<String> header, List<String> wanted, String problem, String line) {
        int[] pos = new int[wanted.size()];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = header.indexOf(wanted.get(i));
            if (pos[i] < 0) throw new IllegalArgumentException(problem + " " + wanted.get(i) + ": " + line);
        }
        return pos;
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in: " + line);
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** The non-blank lines of a tool's output, without line terminators (LF or CRLF). */
    static List<String> lines(String output) {
        return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
