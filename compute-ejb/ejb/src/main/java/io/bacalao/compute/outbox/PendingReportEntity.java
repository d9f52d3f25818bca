package io.bacalao.compute.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/**
 * A report stored for the orchestrator and not yet sent: its protocol type and JSON. IDs are handed out in
 * increasing order (blocks of 50 from {@code COMPUTE_ID_BLOCKS}, one node process at a time), so they order the
 * reports as they were stored. A report the broker keeps refusing while it takes others is parked (kept, with the
 * time, and no longer sent) so that it does not hold back the reports behind it.
 */
@Entity
@Table(name = "COMPUTE_OUTBOX")
public class PendingReportEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "COMPUTE_OUTBOX_IDS")
    @TableGenerator(name = "COMPUTE_OUTBOX_IDS", table = "COMPUTE_ID_BLOCKS", pkColumnName = "NAME",
            valueColumnName = "NEXT_ID", pkColumnValue = "COMPUTE_OUTBOX", allocationSize = 50)
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

    PendingReportEntity(String executionId, String type, String body, long createTime) {
        this.executionId = executionId;
        this.type = type;
        this.body = body;
        this.createTime = createTime;
    }

    PendingReport toPending() {
        return new PendingReport(id, executionId, type, body);
    }
}
