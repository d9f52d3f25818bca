package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Event;
import io.bacalao.domain.model.HistoryType;
import io.bacalao.domain.model.JobHistory;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
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
    /** The event's JSON when it fits inline; else in EVENT_LARGE ({@link SplitText}). */
    @Column(name = "EVENT", length = SplitText.INLINE_CHARS)
    private String event;
    @Lob
    @Column(name = "EVENT_LARGE")
    private String eventLarge;

    protected HistoryEntity() {
    }

    public HistoryEntity(String jobId, long seqNum, long jobVersion, String executionId, Event event, Instant time) {
        this.id = jobId + "#" + seqNum;
        this.jobId = jobId;
        this.seqNum = seqNum;
        this.jobVersion = jobVersion;
        this.executionId = executionId == null ? "" : executionId;
        this.time = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        String text = Json.write(event);
        this.event = SplitText.inline(text);
        this.eventLarge = SplitText.large(text);
    }

    public JobHistory toHistory() {
        return new JobHistory(seqNum, executionId.isEmpty() ? HistoryType.JobLevel : HistoryType.ExecutionLevel,
                jobId, jobVersion, executionId, Json.read(SplitText.join(event, eventLarge), Event.class), Instant.ofEpochSecond(0, time));
    }
}
