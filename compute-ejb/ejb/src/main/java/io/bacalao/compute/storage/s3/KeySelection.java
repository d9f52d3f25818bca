package io.bacalao.compute.storage.s3;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which objects an s3 input's {@code Key} and {@code Filter} select, and where each lands under the input's folder
 * (Bacalhau's {@code pkg/storage/s3/storage.go} {@code explodeKey} and {@code downloadObject}):
 * <ul>
 * <li>a key without wildcards and not ending in {@code /} names one object (read with HEAD; an
 *     {@code application/x-directory} object is listed as a prefix instead);</li>
 * <li>a key ending in {@code /}, an empty key, or a key whose only wildcard is a trailing {@code *} lists every
 *     object under that prefix, at any depth;</li>
 * <li>any other key with {@code *}, {@code ?} or {@code [..]} is a glob (Bacalao's addition): the objects under the
 *     text before the first wildcard whose whole key matches, {@code *} and {@code ?} not crossing {@code /},
 *     {@code **} crossing it;</li>
 * <li>{@code Filter}, when set, is a regular expression that must be found in the key after the listed prefix.</li>
 * </ul>
 * An object keeps its path relative to the key's folder: {@code data/*} puts {@code data/a/b.csv} at {@code a/b.csv};
 * a single key {@code dir/file.txt} becomes {@code file.txt}.
 */
public final class KeySelection {
    private final String key;
    private final String prefix;
    private final boolean single;
    private final Pattern glob;
    private final Pattern filter;

    private KeySelection(String key, String prefix, boolean single, Pattern glob, Pattern filter) {
        this.key = key;
        this.prefix = prefix;
        this.single = single;
        this.glob = glob;
        this.filter = filter;
    }

    /** @throws IllegalArgumentException when the filter is not a valid regular expression */
    public static KeySelection of(String key, String filter) {
        String k = key == null ? "" : key.strip();
        Pattern f = null;
        if (filter != null && !filter.isBlank()) {
            try {
                f = Pattern.compile(filter);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regex pattern: " + e.getDescription() + " in \"" + filter + "\"");
            }
        }
        int wildcard = firstWildcard(k);
        if (wildcard < 0) return new KeySelection(k, k, !k.isEmpty() && !k.endsWith("/"), null, f);
        if (wildcard == k.length() - 1 && k.charAt(wildcard) == '*') {
            return new KeySelection(k, k.substring(0, wildcard), false, null, f);
        }
        try {
            return new KeySelection(k, k.substring(0, wildcard), false, Pattern.compile(globRegex(k)), f);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid key pattern \"" + k + "\": " + e.getDescription());
        }
    }

    /** True when the key names one object, to be read with HEAD rather than listed. */
    public boolean isSingleObject() {
        return single;
    }

    /** The prefix to list with (for a single key that turns out to be a directory object: the key itself). */
    public String listPrefix() {
        return prefix;
    }

    /** Whether a listed object belongs to the input. Folder markers (keys ending in {@code /}) never do. */
    public boolean selects(String objectKey) {
        if (objectKey.endsWith("/") || !objectKey.startsWith(prefix)) return false;
        if (glob != null && !glob.matcher(objectKey).matches()) return false;
        return filter == null || filter.matcher(objectKey.substring(prefix.length())).find();
    }

    /**
     * Where the object goes, relative to the input's folder: the key's leading folders that the object shares are
     * dropped. Empty when the rest would leave the folder ({@code ..}, absolute or empty segments); such keys are refused.
     */
    public Optional<Path> relativePath(String objectKey) {
        String[] keyTokens = (single ? key : prefix).split("/", -1);
        String[] objectTokens = objectKey.split("/", -1);
        int start = 0;
        for (int i = 0; i < keyTokens.length - 1 && i < objectTokens.length - 1; i++) {
            if (!keyTokens[i].equals(objectTokens[i])) break;
            start++;
        }
        List<String> rest = new ArrayList<>();
        for (int i = start; i < objectTokens.length; i++) {
            String t = objectTokens[i];
            if (t.isEmpty() || t.equals(".")) continue;
            if (t.equals("..") || t.indexOf('\0') >= 0 || t.indexOf('\\') >= 0) return Optional.empty();
            rest.add(t);
        }
        if (rest.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Path.of(rest.get(0), rest.subList(1, rest.size()).toArray(String[]::new)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static int firstWildcard(String k) {
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c == '*' || c == '?' || c == '[') return i;
        }
        return -1;
    }

    /** {@code *}: any run without '/'; {@code **}: any run; {@code ?}: one character but '/'; {@code [..]} as written. */
    static String globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String set = glob.substring(i + 1, end);
                    if (set.startsWith("!")) set = "^" + set.substring(1);
                    re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = end;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
