package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Execution;
import io.bacalao.domain.model.Job;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads a job and its executions in one read-only transaction, for a scheduler. The nodes come from the
 * orchestrator's in-memory node snapshot ({@code nodes.NodeSnapshot}), not from this read.
 */
@Stateless
public class SnapshotReader {
    @PersistenceContext(unitName = "orchestrator")
    private EntityManager em;

    public record Snapshot(Job job, List<Execution> executions) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<Snapshot> read(String jobId) {
        JobEntity job = em.find(JobEntity.class, jobId);
        if (job == null) return Optional.empty();
        List<Execution> executions = em.createQuery("select e from ExecutionEntity e where e.jobId = :job",
                ExecutionEntity.class).setParameter("job", jobId).getResultList().stream()
                .map(ExecutionEntity::toExecution).toList();
        return Optional.of(new Snapshot(job.toJob(), executions));
    }
}
