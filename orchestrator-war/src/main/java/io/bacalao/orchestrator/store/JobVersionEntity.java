package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The spec of one version of a job, as submitted (for {@code job versions} and diffs). */
@Entity
@Table(name = "ORCH_JOB_VERSION", indexes = @Index(name = "ORCH_JOB_VERSION_JOB", columnList = "JOB_ID,VERSION_NO"))
public class JobVersionEntity {
    @Id
    @Column(name = "ID", length = 96)
    private String id;
    @Column(name = "JOB_ID", length = 64, nullable = false)
    private String jobId;
    @Column(name = "VERSION_NO", nullable = false)
    private long version;
    /** JSON ({@link JsonColumn}). */
    @Column(name = "JSON", nullable = false, length = JsonColumn.MAX_CHARS)
    private String json;

    protected JobVersionEntity() {
    }

    public JobVersionEntity(Job job) {
        this.id = job.id() + "#" + job.version();
        this.jobId = job.id();
        this.version = job.version();
        this.json = Json.write(job);
    }

    public Job toJob() {
        return Json.read(json, Job.class);
    }
}
