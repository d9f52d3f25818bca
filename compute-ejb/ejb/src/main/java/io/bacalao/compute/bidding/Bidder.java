package io.bacalao.compute.bidding;

import io.bacalao.compute.capacity.NodeCapacity;
import io.bacalao.compute.executor.Executor;
import io.bacalao.compute.executor.Executors;
import io.bacalao.compute.storage.Storages;
import io.bacalao.domain.config.ConfigKeys;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether this node bids on a job (reference §5.2): it must have the engine, the publisher and every
 * input (type offered, local paths allow-listed), the executor must not object, the job's execution timeout must
 * be within the node's maximum ({@link TimeoutLimit}), and the job must fit the node's largest allowed job.
 */
@ApplicationScoped
public class Bidder {
    @Inject
    Executors executors;
    @Inject
    Capabilities capabilities;
    @Inject
    NodeCapacity capacity;
    @Inject
    Storages storages;
    @Inject
    io.bacalao.compute.config.ComputeSettings settings;

    public BidDecision decide(Job job) {
        Task task = job.task();
        List<String> reasons = new ArrayList<>();
        Optional<Executor> executor = executors.forEngine(task.engine().type());
        if (executor.isEmpty()) {
            reasons.add("this node does not support engine \"" + task.engine().type() + "\"");
        } else {
            executor.get().refusal(job).ifPresent(reasons::add);
        }
        if (!task.publisher().isEmpty() && capabilities.publishers().stream().noneMatch(task.publisher()::is)) {
            reasons.add("this node does not support publisher \"" + task.publisher().type() + "\"");
        }
        for (InputSource in : task.inputSources()) storages.refusal(in).ifPresent(reasons::add);
        new TimeoutLimit(settings.duration(ConfigKeys.MAX_EXECUTION_TIMEOUT)).refusal(job).ifPresent(reasons::add);
        Resources usage = NodeCapacity.usageOf(Resources.parse(task.resources()));
        Resources max = capacity.max();
        if (!usage.fitsIn(max)) {
            reasons.add("this node does not have enough resources - requested: " + usage + ", available: " + max);
        }
        return reasons.isEmpty() ? BidDecision.accept() : new BidDecision(false, String.join("; ", reasons));
    }
}
