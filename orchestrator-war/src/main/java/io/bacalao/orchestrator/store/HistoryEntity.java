package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.HistoryType;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.model.UnixNanos;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One history row; SeqNum is dense per job (assigned under the job's row lock), so pages never skip rows. */
@Entity
@Table(name = "ORCH_HISTORY", indexes = @Index(name = "ORCH_HISTORY_JOB", columnList = "JOB_ID,SEQ_NUM"))
public class HistoryEntity {
    @Id
    @Column(name = "ID", length = 96)
    private String id;
    @Column(name = "JOB_ID", length = 64, nullable = false)
    private String jobId;
    @Column(name = "SEQ_NUM", nullable = false)
    private long seqNum;
    @Column(name = "JOB_VERSION", nullable = false)
    private long jobVersion;
    @Column(name = "EXECUTION_ID", length = 64, nullable = false)
    private String executionId;
    @Column(name = "TIME_NANOS", nullable = false)
    private long time;
    /** JSON ({@link JsonColumn}). */
    @Column(name = "EVENT", nullable = false, length = JsonColumn.MAX_CHARS)
    private String event;

    protected HistoryEntity() {
    }

    public HistoryEntity(String jobId, long seqNum, long jobVersion, String executionId, Event event, Instant time) {
        this.id = jobId + "#" + seqNum;
        this.jobId = jobId;
        this.seqNum = seqNum;
        this.jobVersion = jobVersion;
        this.executionId = executionId == null ? "" : executionId;
        this.time = UnixNanos.of(time);
        this.event = Json.write(event);
    }

    public JobHistory toHistory() {
        return new JobHistory(seqNum, executionId.isEmpty() ? HistoryType.JobLevel : HistoryType.ExecutionLevel,
                jobId, jobVersion, executionId, Json.read(event, Event.class), Instant.ofEpochSecond(0, time));
    }
}
