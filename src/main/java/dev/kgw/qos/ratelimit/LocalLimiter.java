package dev.kgw.qos.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's own limits: one bucket for the endpoint, one per client key. Client buckets idle for longer than it
 * takes to refill are dropped by {@link #cleanup}, so the map stays bounded by the clients actually active.
 */
final class LocalLimiter {
    private final RateLimitOptions o;
    private final TokenBucket endpoint;
    private final ConcurrentHashMap<String, TokenBucket> clients = new ConcurrentHashMap<>();
    private final double clientRatePerNano;

    LocalLimiter(RateLimitOptions o, long now) {
        this.o = o;
        long every = o.every().toNanos();
        this.endpoint = o.endpointLimited() ? new TokenBucket(o.maxRate() / every, o.capacity(), now) : null;
        this.clientRatePerNano = o.clientMaxRate() / every;
    }

    /** 0, or 429 (client over its limit), or 503 (endpoint over its limit). */
    int admit(String clientKey, long now) {
        if (o.clientLimited()) {
            TokenBucket b = clients.computeIfAbsent(clientKey,
                    k -> new TokenBucket(clientRatePerNano, o.clientCapacity(), now));
            if (!b.take(now)) return 429;
        }
        if (endpoint != null && !endpoint.take(now)) return 503;
        return 0;
    }

    void cleanup(long now) {
        long idle = Math.max(o.every().toNanos() * 2, 60_000_000_000L);
        clients.values().removeIf(b -> now - b.lastUse > idle);
    }
}
