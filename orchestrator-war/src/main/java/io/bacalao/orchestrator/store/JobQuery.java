package io.bacalao.orchestrator.store;

import io.bacalao.domain.selector.Selector;

/**
 * A job listing: namespace (empty or "*" = all), sort column ({@code created_at} or {@code modified_at}),
 * direction, page size (0 = no limit) and offset; the label selector filters on job labels.
 */
public record JobQuery(String namespace, String orderBy, boolean reverse, int limit, long offset, Selector labels) {
}
