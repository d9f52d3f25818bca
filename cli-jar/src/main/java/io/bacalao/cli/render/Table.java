package io.bacalao.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A borderless text table as Bacalhau prints them: upper-case headers, columns padded to the widest cell,
 * a leading space. Cells longer than a column's maximum width are cut with "…" unless the table is wide.
 */
public final class Table {
    private final List<String> headers;
    private final int[] maxWidths;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers, int... maxWidths) {
        this.headers = headers.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList();
        this.maxWidths = maxWidths;
    }

    public Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(c == null ? "" : c.toString());
        rows.add(r);
        return this;
    }

    public void print(PrintWriter out, OutputOptions options) {
        int[] widths = new int[headers.size()];
        List<List<String>> shown = new ArrayList<>();
        for (List<String> r : rows) shown.add(cut(r, options.wide()));
        for (int i = 0; i < widths.length; i++) {
            widths[i] = options.hideHeader() ? 0 : headers.get(i).length();
            for (List<String> r : shown) {
                for (String line : cell(r, i).split("\n", -1)) widths[i] = Math.max(widths[i], line.length());
            }
        }
        if (!options.hideHeader()) out.println(line(headers, widths));
        for (List<String> r : shown) {
            String[][] lines = new String[widths.length][];
            int height = 1;
            for (int i = 0; i < widths.length; i++) {
                lines[i] = cell(r, i).split("\n", -1);
                height = Math.max(height, lines[i].length);
            }
            for (int l = 0; l < height; l++) {
                List<String> physical = new ArrayList<>();
                for (int i = 0; i < widths.length; i++) physical.add(l < lines[i].length ? lines[i][l] : "");
                out.println(line(physical, widths));
            }
        }
        out.flush();
    }

    private List<String> cut(List<String> r, boolean wide) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String c = r.get(i);
            int max = i < maxWidths.length ? maxWidths[i] : 0;
            out.add(!wide && max > 0 && c.length() > max ? c.substring(0, max - 1) + "…" : c);
        }
        return out;
    }

    private static String cell(List<String> r, int i) {
        return i < r.size() ? r.get(i) : "";
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            sb.append(' ').append(i == widths.length - 1 ? cells.get(i) : pad(cells.get(i), widths[i])).append(' ');
        }
        return sb.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
