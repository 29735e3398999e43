package dev.kgw.qos.ratelimit;

/**
 * A token bucket: {@code capacity} tokens, refilled continuously at {@code rate} tokens per nanosecond. Used by one
 * event loop at a time per key would be ideal, but keys are shared across loops, so it is synchronized; the
 * critical section is a few arithmetic operations.
 */
public final class TokenBucket {
    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long last;
    volatile long lastUse;

    public TokenBucket(double ratePerNano, double capacity, long now) {
        this.ratePerNano = ratePerNano;
        this.capacity = capacity;
        this.tokens = capacity;
        this.last = now;
        this.lastUse = now;
    }

    public synchronized boolean take(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
        lastUse = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
