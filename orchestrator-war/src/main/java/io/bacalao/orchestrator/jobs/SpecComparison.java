package io.bacalao.orchestrator.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import io.bacalao.domain.spec.SubmissionPreparer;
import java.util.Iterator;
import java.util.Locale;

/**
 * Whether a re-submitted job changes anything: compares the specs without ID, state, version, revision,
 * times and server-owned ({@code bacalhau.org/}) meta, and with resource strings compared case-insensitively.
 */
final class SpecComparison {
    private SpecComparison() {
    }

    static boolean sameSpec(Job a, Job b) {
        return comparable(a).equals(comparable(b));
    }

    /** The job as a tree without the fields that do not make a spec different (see the class comment). */
    static JsonNode comparable(Job job) {
        ObjectNode n = Json.mapper().valueToTree(job);
        for (String f : new String[]{"ID", "State", "Version", "Revision", "CreateTime", "ModifyTime"}) n.remove(f);
        if (n.get("Meta") instanceof ObjectNode meta) {
            for (Iterator<String> it = meta.fieldNames(); it.hasNext(); ) {
                if (it.next().startsWith(SubmissionPreparer.RESERVED_META_PREFIX)) it.remove();
            }
        }
        for (JsonNode task : n.withArray("Tasks")) {
            if (task.get("Resources") instanceof ObjectNode r) {
                for (Iterator<java.util.Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                    var e = it.next();
                    e.setValue(Json.mapper().getNodeFactory().textNode(e.getValue().asText().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return n;
    }
}
