package dev.kgw.qos.circuitbreaker;

import java.time.Duration;

/**
 * {@code qos/circuit-breaker} of one backend. {@code countNoop5xx} is this node's opt-in ({@code kgw_count_noop_5xx},
 * a key KrakenD ignores): on a {@code no-op} backend a 5xx answer counts as a failure, where KrakenD only counts
 * errors of the exchange itself (krakend-ce#895).
 */
public record BreakerOptions(String name, Duration interval, Duration timeout, long maxErrors,
                             boolean logStatusChange, boolean countNoop5xx) {
    /** KrakenD builds no breaker for a config that is all zero values. */
    public boolean isZero() {
        return name.isEmpty() && interval.isZero() && timeout.isZero() && maxErrors == 0 && !logStatusChange;
    }
}
