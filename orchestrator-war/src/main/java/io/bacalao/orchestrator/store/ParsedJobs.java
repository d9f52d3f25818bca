package io.bacalao.orchestrator.store;

import io.bacalao.domain.model.Job;
import io.bacalao.domain.spec.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs parsed from their stored JSON, kept by job ID so that reading the same revision again (the evaluation's
 * snapshot, the plan applier, the API's lists and watchers) does not parse it again.
 *
 * <p>An entry is used only when the row read now has the same revision, JSON length and JSON hash as the row it
 * was parsed from, so a row rewritten without a new revision (a repaired job) is parsed afresh. Bounded: at most
 * {@link #MAX_ENTRIES} jobs, least recently read evicted first; a job whose JSON is longer than
 * {@link #MAX_CACHED_CHARS} is parsed each time and not kept, so the cache holds at most about
 * {@code MAX_ENTRIES × MAX_CACHED_CHARS} characters' worth of jobs (8 MiB of JSON). The store stays the truth:
 * the cache only saves parsing, never a read. Jobs are immutable records (their {@code with…} methods copy), so
 * one parsed instance is shared by every reader.
 */
public final class ParsedJobs {
    /** Jobs kept; a few hundred covers every job in flight at the benchmarks' rates. */
    public static final int MAX_ENTRIES = 512;
    /** Longest JSON kept, in characters; ordinary jobs are a small fraction of it. */
    public static final int MAX_CACHED_CHARS = 16_384;

    private static final ParsedJobs SHARED = new ParsedJobs(MAX_ENTRIES, MAX_CACHED_CHARS);

    private record Parsed(long revision, int length, int hash, Job job) {
        boolean matches(long rev, String json) {
            return revision == rev && length == json.length() && hash == json.hashCode();
        }
    }

    private final int maxChars;
    private final Map<String, Parsed> entries;
    private long parses;

    ParsedJobs(int maxEntries, int maxChars) {
        this.maxChars = maxChars;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The cache every job row reads through. */
    public static ParsedJobs shared() {
        return SHARED;
    }

    /** The job stored as {@code json} at {@code revision}, parsed now or earlier. */
    public Job read(String jobId, long revision, String json) {
        if (json.length() > maxChars) return parse(json);
        synchronized (entries) {
            Parsed e = entries.get(jobId);
            if (e != null && e.matches(revision, json)) return e.job();
        }
        Job job = parse(json);
        synchronized (entries) {
            entries.put(jobId, new Parsed(revision, json.length(), json.hashCode(), job));
        }
        return job;
    }

    /** Forgets a job (deleted, or its row repaired). */
    public void forget(String jobId) {
        synchronized (entries) {
            entries.remove(jobId);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** JSON parses done so far (for tests). */
    synchronized long parses() {
        return parses;
    }

    private Job parse(String json) {
        Job job = Json.read(json, Job.class);
        synchronized (this) {
            parses++;
        }
        return job;
    }
}
