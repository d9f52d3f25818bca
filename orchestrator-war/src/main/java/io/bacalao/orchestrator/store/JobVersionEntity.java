package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
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
    /** The version's JSON when it fits inline; else in JSON_LARGE ({@link SplitText}). */
    @Column(name = "JSON", length = SplitText.INLINE_CHARS)
    private String json;
    @Lob
    @Column(name = "JSON_LARGE")
    private String jsonLarge;

    protected JobVersionEntity() {
    }

    public JobVersionEntity(Job job) {
        this.id = job.id() + "#" + job.version();
        this.jobId = job.id();
        this.version = job.version();
        String text = Json.write(job);
        this.json = SplitText.inline(text);
        this.jsonLarge = SplitText.large(text);
    }

    public Job toJob() {
        return Json.read(SplitText.join(json, jsonLarge), Job.class);
    }
}
