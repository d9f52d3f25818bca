package io.bacalao.orchestrator.api;

import io.bacalao.domain.model.Execution;
import java.util.Comparator;
import java.util.List;

/** Orders executions for {@code GET …/executions}: by create time (default) or modify time. */
final class ExecutionOrder {
    private ExecutionOrder() {
    }

    static List<Execution> sort(List<Execution> executions, String orderBy, boolean reverse, int limit) {
        Comparator<Execution> c = switch (orderBy == null ? "" : orderBy) {
            case "", "created_at", "create_time" -> Comparator.comparingLong(Execution::createTime);
            case "modified_at", "modify_time" -> Comparator.comparingLong(Execution::modifyTime);
            default -> throw new BadParameterException("invalid order_by: " + orderBy
                    + " (use created_at or modified_at)");
        };
        if (reverse) c = c.reversed();
        List<Execution> sorted = executions.stream().sorted(c.thenComparing(Execution::id)).toList();
        return limit > 0 && sorted.size() > limit ? sorted.subList(0, limit) : sorted;
    }
}
