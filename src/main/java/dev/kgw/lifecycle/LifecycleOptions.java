package dev.kgw.lifecycle;

import java.time.Duration;

/**
 * {@code kgw/lifecycle} (service level; a namespace KrakenD ignores): {@code drain_delay} is how long a stopping
 * node keeps serving while {@code /__health} already answers 503, so balancers take it out before it stops
 * accepting. It replaces the Kubernetes preStop sleep KrakenD needs.
 */
public record LifecycleOptions(Duration drainDelay) {
    public static final LifecycleOptions DEFAULT = new LifecycleOptions(Duration.ZERO);
}
