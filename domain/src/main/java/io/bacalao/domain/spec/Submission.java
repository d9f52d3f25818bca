package io.bacalao.domain.spec;

import io.bacalao.domain.model.Job;
import java.util.List;

/** A submitted job after sanitising and defaults, with the warnings the user is shown. */
public record Submission(Job job, List<String> warnings) {
    public Submission {
        warnings = List.copyOf(warnings);
    }
}
