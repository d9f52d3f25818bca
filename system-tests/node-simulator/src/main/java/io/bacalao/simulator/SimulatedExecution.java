package io.bacalao.simulator;

import io.bacalao.domain.model.AllocatedResources;
import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.model.Resources;

/**
 * What a simulated node keeps of one execution: its identity, the resources it holds while it runs, and its local
 * state (as a real node's store does, in memory). Guarded by the owning node's lock.
 */
final class SimulatedExecution {
    final String id;
    final String jobId;
    final int partition;
    final AllocatedResources allocated;
    /** What it holds of the node's capacity while it runs: the total of {@link #allocated}. */
    final Resources usage;
    ExecutionStateType state;
    String message;

    SimulatedExecution(String id, String jobId, int partition, AllocatedResources allocated, ExecutionStateType state,
                       String message) {
        this.id = id;
        this.jobId = jobId;
        this.partition = partition;
        this.allocated = allocated;
        this.usage = allocated.total();
        this.state = state;
        this.message = message == null ? "" : message;
    }
}
