package io.bacalao.orchestrator.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bacalhau's per-client rate limit (echo's in-memory limiter: {@code rate} requests per second per client IP,
 * burst = rate, idle clients forgotten after 3 minutes). The table of clients is bounded: beyond
 * {@link #MAX_CLIENTS} idle entries are dropped first, and if all are busy the table starts again (a client
 * then gets a fresh burst, never a wrong refusal).
 */
public final class RateLimiter {
    static final int MAX_CLIENTS = 10_000;
    static final long FORGET_AFTER_MILLIS = 180_000;
    private final int perSecond;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond requests per second and burst per client; 0 = no limit */
    public RateLimiter(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    public boolean allow(String client) {
        if (perSecond <= 0) return true;
        long now = clock.millis();
        if (buckets.size() >= MAX_CLIENTS && !buckets.containsKey(client)) forgetIdle(now);
        TokenBucket b = buckets.computeIfAbsent(client, k -> new TokenBucket(perSecond, now));
        synchronized (b) {
            return b.tryTake(now);
        }
    }

    int clients() {
        return buckets.size();
    }

    private void forgetIdle(long now) {
        buckets.values().removeIf(b -> now - b.lastSeen() > FORGET_AFTER_MILLIS);
        if (buckets.size() >= MAX_CLIENTS) buckets.clear();
    }
}
