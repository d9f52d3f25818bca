package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.JobStateType;
import io.bacalao.domain.selector.Selector;
import java.util.Set;

/**
 * A job listing: namespace (empty or "*" = all), sort column ({@code created_at} or {@code modified_at}),
 * direction, page size (0 = no limit) and offset; the label selector filters on job labels, and a non-empty
 * {@code states} keeps only jobs in one of those states.
 */
public record JobQuery(String namespace, String orderBy, boolean reverse, int limit, long offset, Selector labels,
                       Set<JobStateType> states) {
    public JobQuery {
        states = Set.copyOf(states);
    }

    /** Whether {@code namespace} names every namespace: none given, blank, or "*". */
    public static boolean allNamespaces(String namespace) {
        return namespace == null || namespace.isBlank() || "*".equals(namespace);
    }

    public boolean allNamespaces() {
        return allNamespaces(namespace);
    }
}
