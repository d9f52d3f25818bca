package io.bacalao.domain.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as Bacalhau defines it (reference §2.1). Every key is always serialised; times are Unix nanoseconds.
 * Instances are immutable: the {@code with…} methods and the transitions return new jobs.
 */
@JsonPropertyOrder({"ID", "Name", "Namespace", "Type", "Priority", "Count", "Constraints", "Meta", "Labels", "Tasks",
        "State", "Version", "Revision", "CreateTime", "ModifyTime"})
public record Job(
        @JsonProperty("ID") String id,
        @JsonProperty("Name") String name,
        @JsonProperty("Namespace") String namespace,
        @JsonProperty("Type") String type,
        @JsonProperty("Priority") int priority,
        @JsonProperty("Count") int count,
        @JsonProperty("Constraints") List<LabelSelectorRequirement> constraints,
        @JsonProperty("Meta") Map<String, String> meta,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Tasks") List<Task> tasks,
        @JsonProperty("State") JobState state,
        @JsonProperty("Version") long version,
        @JsonProperty("Revision") long revision,
        @JsonProperty("CreateTime") long createTime,
        @JsonProperty("ModifyTime") long modifyTime) {

    public static final String DEFAULT_NAMESPACE = "default";

    public Job {
        id = id == null ? "" : id.trim();
        name = name == null ? "" : name.trim();
        namespace = namespace == null ? "" : namespace.trim();
        type = type == null ? "" : type.trim();
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        meta = meta == null ? Map.of() : new LinkedHashMap<>(meta);
        labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        state = state == null ? JobState.of(JobStateType.Undefined) : state;
    }

    /**
     * Decoding rule of Bacalhau: a batch or service job without a Count runs once; an explicit 0 is kept
     * (it means "stop all executions").
     */
    @JsonCreator
    static Job decode(
            @JsonProperty("ID") String id, @JsonProperty("Name") String name,
            @JsonProperty("Namespace") String namespace, @JsonProperty("Type") String type,
            @JsonProperty("Priority") Integer priority, @JsonProperty("Count") Integer count,
            @JsonProperty("Constraints") List<LabelSelectorRequirement> constraints,
            @JsonProperty("Meta") Map<String, String> meta, @JsonProperty("Labels") Map<String, String> labels,
            @JsonProperty("Tasks") List<Task> tasks, @JsonProperty("State") JobState state,
            @JsonProperty("Version") Long version, @JsonProperty("Revision") Long revision,
            @JsonProperty("CreateTime") Long createTime, @JsonProperty("ModifyTime") Long modifyTime) {
        int resolvedCount = count != null ? count
                : JobType.find(type).map(t -> t == JobType.BATCH || t == JobType.SERVICE ? 1 : 0).orElse(0);
        return new Job(id, name, namespace, type, priority == null ? 0 : priority, resolvedCount, constraints, meta,
                labels, tasks, state, nz(version), nz(revision), nz(createTime), nz(modifyTime));
    }

    private static long nz(Long l) {
        return l == null ? 0 : l;
    }

    @JsonIgnore
    public JobType jobType() {
        return JobType.find(type).orElseThrow(() -> new IllegalStateException("invalid job type: \"" + type + "\""));
    }

    /** The one task a job runs (Bacalhau supports exactly one). */
    @JsonIgnore
    public Task task() {
        if (tasks.isEmpty()) throw new IllegalStateException("job " + id + " has no task");
        return tasks.get(0);
    }

    @JsonIgnore
    public boolean isTerminal() {
        return state.stateType().isTerminal();
    }

    @JsonIgnore
    public String shortId() {
        return Ids.shortId(id);
    }

    public Job withId(String newId) {
        return new Job(newId, name, namespace, type, priority, count, constraints, meta, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withName(String newName) {
        return new Job(id, newName, namespace, type, priority, count, constraints, meta, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withNamespace(String ns) {
        return new Job(id, name, ns, type, priority, count, constraints, meta, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withPriority(int p) {
        return new Job(id, name, namespace, type, p, count, constraints, meta, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withCount(int c) {
        return new Job(id, name, namespace, type, priority, c, constraints, meta, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withMeta(Map<String, String> m) {
        return new Job(id, name, namespace, type, priority, count, constraints, m, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withTasks(List<Task> t) {
        return new Job(id, name, namespace, type, priority, count, constraints, meta, labels, t, state,
                version, revision, createTime, modifyTime);
    }

    public Job withTask(Task t) {
        return withTasks(List.of(t));
    }

    public Job withConstraints(List<LabelSelectorRequirement> c) {
        return new Job(id, name, namespace, type, priority, count, c, meta, labels, tasks, state,
                version, revision, createTime, modifyTime);
    }

    public Job withLabels(Map<String, String> l) {
        return new Job(id, name, namespace, type, priority, count, constraints, meta, l, tasks, state,
                version, revision, createTime, modifyTime);
    }

    /** The bookkeeping fields the server owns: state, version, revision and times. */
    public Job withBookkeeping(JobState s, long newVersion, long newRevision, long created, long modified) {
        return new Job(id, name, namespace, type, priority, count, constraints, meta, labels, tasks, s,
                newVersion, newRevision, created, modified);
    }

    /** A state change: bumps the revision and the modify time (nanoseconds). */
    public Job transitionTo(JobState newState, long nowNanos) {
        return withBookkeeping(newState, version, revision + 1, createTime, nowNanos);
    }
}
