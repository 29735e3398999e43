package dev.kgw.qos.ratelimit;

import java.time.Duration;

/**
 * {@code qos/ratelimit/router} (and its cluster-wide {@code /redis} variant): an endpoint-wide limit (rejections are
 * 503) and a per-client limit (429), each {@code max_rate} per {@code every}. {@code connectionPool} names a
 * {@code redis} pool for the cluster-wide variant, else null.
 */
public record RateLimitOptions(double maxRate, double capacity, double clientMaxRate, double clientCapacity,
                               Duration every, String strategy, String key, String connectionPool) {
    public boolean endpointLimited() { return maxRate > 0; }

    public boolean clientLimited() { return clientMaxRate > 0; }
}
