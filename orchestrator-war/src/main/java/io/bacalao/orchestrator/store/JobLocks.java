package io.bacalao.orchestrator.store;

import io.bacalao.domain.error.BacalaoException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Takes a job's row lock; every transaction that changes a job, its executions or its history starts here. */
final class JobLocks {
    private JobLocks() {
    }

    static JobEntity lock(EntityManager em, String jobId) {
        JobEntity e = em.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) throw BacalaoException.notFound(JobStore.COMPONENT, "job not found: " + jobId);
        return e;
    }
}
