package io.bacalao.compute.store;

import io.bacalao.domain.model.ExecutionStateType;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A stored local execution: JSON plus the state column start-up recovery and the queue query. */
@Entity
@Table(name = "COMPUTE_EXECUTION", indexes = @Index(name = "COMPUTE_EXECUTION_STATE", columnList = "STATE"))
public class LocalExecutionEntity {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "STATE", length = 32, nullable = false)
    private String state;
    @Column(name = "MODIFY_TIME", nullable = false)
    private long modifyTime;
    @Lob
    @Column(name = "JSON", nullable = false)
    private String json;

    protected LocalExecutionEntity() {
    }

    public LocalExecutionEntity(LocalExecution e, long nowMillis) {
        this.id = e.id();
        update(e, nowMillis);
    }

    public final void update(LocalExecution e, long nowMillis) {
        this.state = e.state().name();
        this.modifyTime = nowMillis;
        this.json = Json.write(e);
    }

    public LocalExecution toLocal() {
        return Json.read(json, LocalExecution.class);
    }

    public ExecutionStateType state() {
        return ExecutionStateType.valueOf(state);
    }
}
