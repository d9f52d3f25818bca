package io.bacalao.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Bacalhau's integration suites ({@code test_integration/} in its repository) do around a command, so that
 * the ported assertions read as theirs: its asset files, its JSON queries ({@code $[0].Info.NodeType}), its job ID
 * extraction and occurrence counts.
 */
final class GoSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JOB_ID = Pattern.compile("j-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private GoSuite() {
    }

    /** A copied asset, {@code common_assets/nodes_configs/…} or {@code common_assets/job_specs/…} (see compat/README.md). */
    static Path asset(String relative) {
        try {
            return Path.of(GoSuite.class.getResource("/compat/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test asset compat/" + relative, e);
        }
    }

    /**
     * The CLI's JSON output, parsed as the suites' convertStringToDynamicJSON does: anything printed before the
     * first '{' or '[' is dropped (their agent config test trims it the same way).
     */
    static JsonNode json(String output) {
        int start = firstOf(output, '{', '[');
        if (start < 0) throw new AssertionError("no JSON in: " + output);
        try {
            return JSON.readTree(output.substring(start));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + output, e);
        }
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** The node at a query of the suites' form ({@code $}, {@code $[0].Info.Labels.label1}, {@code $.Job.Version}); missing when absent. */
    static JsonNode query(JsonNode root, String path) {
        if (!path.startsWith("$")) throw new IllegalArgumentException("a query starts with $: " + path);
        String pointer = path.substring(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    /** The first job ID in a command's output (ExtractJobIDFromShortOutput); empty when there is none. */
    static String jobId(String output) {
        Matcher m = JOB_ID.matcher(output);
        return m.find() ? m.group() : "";
    }

    /** How often {@code what} occurs in {@code text} (Go's strings.Count). */
    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }
}
