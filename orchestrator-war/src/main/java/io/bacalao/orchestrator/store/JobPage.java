package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Job;
import java.util.List;

/** One page of a job listing; {@code more} tells whether rows remain after it. */
public record JobPage(List<Job> jobs, boolean more) {
}
