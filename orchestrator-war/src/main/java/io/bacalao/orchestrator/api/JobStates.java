package io.bacalao.orchestrator.api;

import io.bacalao.domain.model.JobStateType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The jobs list's {@code state} filter, Bacalao's addition (docs/webui.md): state names in any case, comma
 * separated or repeated; absent or empty keeps every state. An unknown name is a 400 that lists the names.
 */
final class JobStates {
    private static final List<JobStateType> NAMED = Arrays.stream(JobStateType.values())
            .filter(s -> s != JobStateType.Undefined).toList();

    private JobStates() {
    }

    static Set<JobStateType> parse(List<String> values) {
        Set<JobStateType> states = EnumSet.noneOf(JobStateType.class);
        if (values == null) return states;
        for (String value : values) {
            if (value == null) continue;
            for (String name : QueryParams.text("state", value).split(",")) {
                if (name.isBlank()) continue;
                states.add(NAMED.stream().filter(s -> s.name().equalsIgnoreCase(name.trim())).findFirst()
                        .orElseThrow(() -> new BadParameterException("invalid state: " + QueryParams.shorten(name.trim())
                                + " (use one of " + NAMED + ")")));
            }
        }
        return states;
    }
}
