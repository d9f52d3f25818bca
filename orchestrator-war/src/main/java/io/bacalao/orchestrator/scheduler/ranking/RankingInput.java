package io.bacalao.orchestrator.scheduler.ranking;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.Resources;
import io.bacalao.domain.model.Task;
import io.bacalao.domain.selector.Selector;
import java.util.List;
import java.util.random.RandomGenerator;

/** What rankers judge nodes against: the job, its parsed request and constraints, and its executions so far. */
public record RankingInput(Job job, Resources request, Selector constraints, List<Execution> executions,
                           RandomGenerator random) {

    public static RankingInput of(Job job, List<Execution> executions, RandomGenerator random) {
        return new RankingInput(job, Resources.parse(job.task().resources()), Selector.of(job.constraints()),
                executions, random);
    }

    public Task task() {
        return job.task();
    }
}
