package io.bacalao.cli.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.util.List;

/** A job as a YAML spec that {@code job run} accepts again: the server-owned keys are left out. */
public final class SpecYaml {
    private static final List<String> SERVER_OWNED = List.of("ID", "State", "Version", "Revision", "CreateTime", "ModifyTime");

    private SpecYaml() {
    }

    public static String write(Job job) {
        ObjectNode tree = Json.mapper().valueToTree(job);
        tree.remove(SERVER_OWNED);
        return Json.writeYaml(tree);
    }
}
