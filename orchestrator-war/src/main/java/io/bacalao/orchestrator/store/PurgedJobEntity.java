package io.bacalao.orchestrator.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A job's tombstone: its ID, when it was purged and the retention that let it go, so that asking for it answers
 * "purged", not "never existed". Kept for one more retention ({@link JobPurge#forgetPurged}), so the table holds at
 * most one retention's worth of purged jobs, a few dozen bytes each.
 */
@Entity
@Table(name = "ORCH_PURGED_JOB", indexes = @Index(name = "ORCH_PURGED_JOB_TIME", columnList = "PURGE_TIME"))
public class PurgedJobEntity {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    /** Unix nanoseconds. */
    @Column(name = "PURGE_TIME", nullable = false)
    private long purgeTime;
    /** The retention in force, as configured ({@code 720h0m0s}). */
    @Column(name = "RETENTION", length = 32, nullable = false)
    private String retention;

    protected PurgedJobEntity() {
    }

    PurgedJobEntity(String id, long purgeTime, String retention) {
        this.id = id;
        this.purgeTime = purgeTime;
        this.retention = retention;
    }

    String goneMessage() {
        return JobRetentionRule.goneMessage(id, Instant.ofEpochSecond(0, purgeTime), retention);
    }
}
