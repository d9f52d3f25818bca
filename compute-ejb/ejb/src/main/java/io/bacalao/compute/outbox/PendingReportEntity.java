package io.bacalao.compute.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A report stored for the orchestrator and not yet sent: its protocol type and JSON. Its ID comes from
 * {@link ReportIds}, so IDs order the reports as they were stored. A report the broker keeps refusing while it
 * takes others is parked (kept, with the time, and no longer sent) so that it does not hold back the reports behind
 * it.
 */
@Entity
@Table(name = "COMPUTE_OUTBOX")
public class PendingReportEntity {
    @Id
    @Column(name = "ID")
    private Long id;
    @Column(name = "EXECUTION_ID", length = 64)
    private String executionId;
    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;
    @Lob
    @Column(name = "BODY", nullable = false)
    private String body;
    @Column(name = "CREATE_TIME", nullable = false)
    private long createTime;
    /** When the report was set aside because the broker refused it while reachable (null: still to send). */
    @Column(name = "PARKED_TIME")
    private Long parkedTime;

    protected PendingReportEntity() {
    }

    PendingReportEntity(long id, String executionId, String type, String body, long createTime) {
        this.id = id;
        this.executionId = executionId;
        this.type = type;
        this.body = body;
        this.createTime = createTime;
    }

    PendingReport toPending() {
        return new PendingReport(id, executionId, type, body);
    }
}
