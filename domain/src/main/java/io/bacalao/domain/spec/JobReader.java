package io.bacalao.domain.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.bacalao.domain.model.Job;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads job specs from YAML or JSON text with Bacalhau's rules for top-level keys: server-owned fields
 * are refused in files ({@code field: 'State' in 'Job' is not allowed}), unknown ones always
 * ({@code unknown field: 'X' in 'Job'}), and type errors name the field.
 */
public final class JobReader {
    private static final List<String> JOB_FIELDS = List.of("ID", "Name", "Namespace", "Type", "Priority", "Count",
            "Constraints", "Meta", "Labels", "Tasks", "State", "Version", "Revision", "CreateTime", "ModifyTime");
    private static final Set<String> SERVER_OWNED = Set.of("id", "state", "version", "revision", "createtime", "modifytime");

    private JobReader() {
    }

    /** A job file as the CLI reads it: YAML or JSON, server-owned fields refused. */
    public static Job readFile(String text) {
        JsonNode tree = parseTree(text);
        checkTopLevel(tree, true);
        return bind(tree);
    }

    /** A job inside an API request: JSON, server-owned fields allowed (they are ignored with a warning). */
    public static Job readRequest(JsonNode tree) {
        if (tree == null || tree.isNull() || tree.isMissingNode()) throw new SpecException("job spec is missing");
        checkTopLevel(tree, false);
        return bind(tree);
    }

    public static JsonNode parseTree(String text) {
        if (text == null || text.isBlank()) throw new SpecException("the job spec is empty");
        try {
            boolean json = text.stripLeading().startsWith("{");
            if (!json) refuseAliases(text);
            JsonNode tree = json ? Json.mapper().readTree(text) : Json.yamlMapper().readTree(text);
            if (tree == null || tree.isNull() || tree.isMissingNode()) throw new SpecException("the job spec is empty");
            return tree;
        } catch (JsonProcessingException e) {
            throw new SpecException("failed to parse job spec: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * YAML aliases ({@code *name}) are refused: the YAML decoder would read an alias as the plain string of its
     * anchor's name, silently changing the spec, and an expanding decoder would let a few lines grow into
     * gigabytes ("billion laughs"). Go's yaml.v3, which Bacalhau uses, expands them up to a limit.
     */
    private static void refuseAliases(String text) throws JsonProcessingException {
        try (JsonParser p = Json.yamlMapper().createParser(text)) {
            while (p.nextToken() != null) {
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new SpecException("failed to parse job spec: YAML aliases are not supported (alias *"
                            + Texts.quote(p.getText()) + " at line " + p.currentLocation().getLineNr() + ")");
                }
            }
        } catch (IOException e) {
            if (e instanceof JsonProcessingException j) throw j;
            throw new SpecException("failed to parse job spec: " + e.getMessage(), e);
        }
    }

    private static void checkTopLevel(JsonNode tree, boolean refuseServerOwned) {
        if (!(tree instanceof ObjectNode)) {
            throw new SpecException("the job spec must be an object with keys such as Type and Tasks, not a "
                    + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String canonical = JOB_FIELDS.stream().filter(f -> f.equalsIgnoreCase(key)).findFirst().orElse(null);
            if (canonical == null) throw new SpecException("unknown field: '" + Texts.quote(key) + "' in 'Job'");
            if (refuseServerOwned && SERVER_OWNED.contains(key.toLowerCase(Locale.ROOT))) {
                throw new SpecException("field: '" + canonical + "' in 'Job' is not allowed");
            }
        }
    }

    private static Job bind(JsonNode tree) {
        try {
            return Json.mapper().treeToValue(tree, Job.class);
        } catch (MismatchedInputException e) {
            throw new SpecException("field: '" + path(e) + "' in 'Job' is invalid type: " + e.getOriginalMessage(), e);
        } catch (InputCoercionException e) {
            throw new SpecException("invalid job spec: invalid type: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            if (e instanceof JsonMappingException m && e.getCause() instanceof InputCoercionException c) {
                // a number too large for its field (Count 99999999999999999999)
                throw new SpecException(field(m) + " is invalid type: " + c.getOriginalMessage(), e);
            }
            if (e instanceof JsonMappingException m && e.getCause() instanceof NullPointerException) {
                // a null inside a list (Tasks: [null]): the model's lists hold no nulls
                String where = nullInList(tree, "").orElse(path(m));
                throw new SpecException("field: '" + where + "' in 'Job' is invalid type: a list must not contain null", e);
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SpecException("invalid job spec: " + cause.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SpecException("invalid job spec: " + e.getMessage(), e);
        }
    }

    /** The path of the first null element of a list, as {@link #path} writes it. */
    private static java.util.Optional<String> nullInList(JsonNode node, String at) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) return java.util.Optional.of(at + "[" + i + "]");
                var inner = nullInList(node.get(i), at + "[" + i + "]");
                if (inner.isPresent()) return inner;
            }
        } else if (node.isObject()) {
            for (var it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                var inner = nullInList(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey());
                if (inner.isPresent()) return inner;
            }
        }
        return java.util.Optional.empty();
    }

    private static String field(JsonMappingException e) {
        return "field: '" + path(e) + "' in 'Job'";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "Job" : sb.toString();
    }

    /** Server-owned keys present in a request, for the submission warnings. */
    public static Map<String, Boolean> presentKeys(JsonNode tree) {
        Map<String, Boolean> present = new java.util.HashMap<>();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            present.put(it.next().toLowerCase(Locale.ROOT), true);
        }
        return present;
    }
}
