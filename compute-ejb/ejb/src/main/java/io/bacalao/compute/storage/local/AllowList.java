package io.bacalao.compute.storage.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code Compute.AllowListedLocalPaths}: entries {@code path}, {@code path:ro} (the default) or {@code path:rw}.
 * A path is absolute and may be a glob: {@code *} and {@code ?} stay within one path segment, {@code **} spans
 * any number of segments; everything else is literal. An entry grants its matches and everything below them.
 * The literal directories in front of the first glob segment are resolved through symlinks, so entries and
 * the (resolved) paths they are compared with speak of the same real directories. Relative and blank entries
 * grant nothing.
 */
final class AllowList {
    /** What the entries grant for one path: the widest grant among matching entries. */
    enum Grant { NONE, READ_ONLY, READ_WRITE }

    private record Entry(Pattern pattern, boolean readWrite) {
    }

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = entries;
    }

    static AllowList of(List<String> raw) {
        List<Entry> entries = new ArrayList<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            String s = r.strip();
            boolean readWrite = false;
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.endsWith(":rw") || lower.endsWith(":ro")) {
                readWrite = lower.endsWith(":rw");
                s = s.substring(0, s.length() - 3);
            }
            if (!s.startsWith("/")) continue;
            entries.add(new Entry(Pattern.compile(regex(resolveLiteralPrefix(s))), readWrite));
        }
        return new AllowList(List.copyOf(entries));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** {@code path} must be absolute, normalised and already resolved through symlinks. */
    Grant grant(Path path) {
        Grant best = Grant.NONE;
        for (Path p = path; p != null; p = p.getParent()) {
            String s = p.toString();
            for (Entry e : entries) {
                if (!e.pattern.matcher(s).matches()) continue;
                if (e.readWrite) return Grant.READ_WRITE;
                best = Grant.READ_ONLY;
            }
        }
        return best;
    }

    private static String resolveLiteralPrefix(String entry) {
        String[] segments = entry.split("/");
        int firstGlob = segments.length;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].indexOf('*') >= 0 || segments[i].indexOf('?') >= 0) {
                firstGlob = i;
                break;
            }
        }
        Path literal = Path.of("/", Arrays.copyOfRange(segments, 0, firstGlob)).normalize();
        String real = RealPaths.resolve(literal).toString();
        StringBuilder b = new StringBuilder(real);
        for (int i = firstGlob; i < segments.length; i++) {
            if (segments[i].isEmpty()) continue;
            if (b.length() == 0 || b.charAt(b.length() - 1) != '/') b.append('/');
            b.append(segments[i]);
        }
        return b.toString();
    }

    /** Glob to regex; {@code /**} at the end and {@code /**}{@code /} in the middle also match zero segments. */
    static String regex(String glob) {
        StringBuilder r = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("/**/", i)) {
                r.append("(?:/.*)?/");
                i += 4;
            } else if (glob.startsWith("/**", i) && i + 3 == glob.length()) {
                r.append("(?:/.*)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                r.append(".*");
                i += 2;
            } else if (c == '*') {
                r.append("[^/]*");
                i++;
            } else if (c == '?') {
                r.append("[^/]");
                i++;
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return r.toString();
    }
}
