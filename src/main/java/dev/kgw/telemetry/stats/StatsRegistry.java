package dev.kgw.telemetry.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The node's named metrics, as krakend-metrics' go-metrics registry prefixed {@code krakend.}. Metrics are looked
 * up by name only when a pipe is built or a new status code shows up; the request path holds direct references.
 */
final class StatsRegistry {
    static final String PREFIX = "krakend.";
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.99, 0.999};
    private static final String[] PERCENTILE_NAMES = {
        ".50-percentile", ".75-percentile", ".95-percentile", ".99-percentile", ".999-percentile"};

    private final Map<String, Object> metrics = new ConcurrentHashMap<>();

    /** @param name without the {@code krakend.} prefix */
    Counter counter(String name) {
        return (Counter) metrics.computeIfAbsent(PREFIX + name, k -> new Counter());
    }

    Histogram histogram(String name) {
        return (Histogram) metrics.computeIfAbsent(PREFIX + name, k -> new Histogram());
    }

    /** A value read when the stats are served. */
    void gauge(String name, LongSupplier value) { metrics.putIfAbsent(PREFIX + name, value); }

    /** The end of a collection window: histograms start over. */
    void clearHistograms() {
        for (Object m : metrics.values()) if (m instanceof Histogram h) h.clear();
    }

    /**
     * Every metric as the flat, sorted name → number map that go-metrics' expvar handler publishes: a counter or
     * gauge under its name, a histogram as {@code name.count}, {@code .min}, {@code .max}, {@code .mean},
     * {@code .std-dev} and five {@code .NN-percentile} keys.
     */
    TreeMap<String, Number> flatten() {
        TreeMap<String, Number> out = new TreeMap<>();
        metrics.forEach((name, m) -> {
            if (m instanceof Counter c) {
                out.put(name, c.count());
            } else if (m instanceof LongSupplier g) {
                out.put(name, g.getAsLong());
            } else if (m instanceof Histogram h) {
                Histogram.Snapshot s = h.snapshot();
                out.put(name + ".count", s.count);
                out.put(name + ".min", (double) s.min);
                out.put(name + ".max", (double) s.max);
                out.put(name + ".mean", s.mean);
                out.put(name + ".std-dev", s.stdDev);
                for (int i = 0; i < PERCENTILES.length; i++) {
                    out.put(name + PERCENTILE_NAMES[i], s.percentile(PERCENTILES[i]));
                }
            }
        });
        return out;
    }
}
