package io.bacalao.orchestrator.api;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled at {@code perSecond} tokens per second; each
 * request takes one. Time is passed in (milliseconds of an injected clock), so tests need no sleeping.
 * Not thread-safe on its own: callers synchronise on the bucket.
 */
final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, long nowMillis) {
        this.capacity = perSecond;
        this.perMilli = perSecond / 1000.0;
        this.tokens = perSecond;
        this.last = nowMillis;
    }

    /** Takes a token if one is there at {@code nowMillis}; false when the client must slow down. */
    boolean tryTake(long nowMillis) {
        if (nowMillis > last) {
            tokens = Math.min(capacity, tokens + (nowMillis - last) * perMilli);
            last = nowMillis;
        }
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** When this bucket last refilled: a bucket untouched for a while is full and can be forgotten. */
    long lastSeen() {
        return last;
    }
}
