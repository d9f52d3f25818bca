package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Appends history rows under a job's lock, numbering them densely from the job's counter. */
final class Histories {
    private Histories() {
    }

    static void append(EntityManager em, JobEntity job, long jobVersion, String executionId, Event event, Instant now) {
        em.persist(new HistoryEntity(job.id(), job.nextHistorySeq(), jobVersion, executionId, event, now));
    }
}
