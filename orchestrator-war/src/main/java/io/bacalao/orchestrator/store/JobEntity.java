package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A job: the whole job as JSON plus the columns queries filter and sort on. The row is locked by every
 * transaction that changes the job, its executions or its history, which serialises writers per job.
 */
@Entity
@Table(name = "ORCH_JOB", indexes = {
        @Index(name = "ORCH_JOB_NAME", columnList = "NAMESPACE,NAME"),
        @Index(name = "ORCH_JOB_STATE", columnList = "STATE"),
        // the API's job list in every order it offers, in all namespaces or one, paged (JobListing); H2 gets a
        // descending index for each descending order (db/orchestrator/h2/V2__job_listing_indexes.sql)
        @Index(name = "ORCH_JOB_CREATED", columnList = "CREATE_TIME,ID"),
        @Index(name = "ORCH_JOB_MODIFIED", columnList = "MODIFY_TIME,ID"),
        @Index(name = "ORCH_JOB_NS_CREATED", columnList = "NAMESPACE,CREATE_TIME,ID"),
        @Index(name = "ORCH_JOB_NS_MODIFIED", columnList = "NAMESPACE,MODIFY_TIME,ID")})
public class JobEntity {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "NAME", length = 512, nullable = false)
    private String name;
    @Column(name = "NAMESPACE", length = 256, nullable = false)
    private String namespace;
    @Column(name = "STATE", length = 16, nullable = false)
    private String state;
    @Column(name = "VERSION_NO", nullable = false)
    private long version;
    @Column(name = "REVISION", nullable = false)
    private long revision;
    @Column(name = "CREATE_TIME", nullable = false)
    private long createTime;
    @Column(name = "MODIFY_TIME", nullable = false)
    private long modifyTime;
    /** Sequence number of the job's last history entry. */
    @Column(name = "HISTORY_SEQ", nullable = false)
    private long historySeq;
    /** JSON ({@link JsonColumn}). */
    @Column(name = "JSON", nullable = false, length = JsonColumn.MAX_CHARS)
    private String json;
    /**
     * The text {@code JSON} held when it could not be read and the job was failed with a readable stand-in
     * ({@link JobFailures}); kept for a person to look at. Null for every sound row.
     */
    @Lob
    @Column(name = "DAMAGED_JSON")
    private String damagedJson;

    protected JobEntity() {
    }

    public JobEntity(Job job) {
        this.id = job.id();
        update(job);
    }

    public final void update(Job job) {
        this.name = job.name();
        this.namespace = job.namespace();
        this.state = job.state().stateType().name();
        this.version = job.version();
        this.revision = job.revision();
        this.createTime = job.createTime();
        this.modifyTime = job.modifyTime();
        this.json = Json.write(job);
    }

    /** The job, parsed at most once per revision ({@link ParsedJobs}). */
    public Job toJob() {
        return ParsedJobs.shared().read(id, revision, json);
    }

    /**
     * Replaces JSON that cannot be read by {@code standIn}, keeping the unreadable text in
     * {@code DAMAGED_JSON} (once: a second repair keeps the first original).
     */
    void replaceUnreadable(Job standIn) {
        if (damagedJson == null) damagedJson = json;
        update(standIn);
        ParsedJobs.shared().forget(id);
    }

    String stateColumn() {
        return state;
    }

    String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    long version() {
        return version;
    }

    long createTime() {
        return createTime;
    }

    long modifyTime() {
        return modifyTime;
    }

    public String id() {
        return id;
    }

    public long revision() {
        return revision;
    }

    public long nextHistorySeq() {
        return ++historySeq;
    }
}
