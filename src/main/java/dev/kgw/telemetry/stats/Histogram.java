package dev.kgw.telemetry.stats;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The values (nanoseconds, bytes) recorded since the last {@link #clear}, as a go-metrics histogram over the sample
 * krakend-metrics clears every {@code collection_time}. Instead of a 1028-value reservoir behind a mutex it counts
 * values in log-linear buckets (16 per power of two, exact below 32): recording is a few atomic adds on shared
 * memory, no lock and no allocation once the window exists. Count, min, max and mean are exact over every value;
 * percentiles are within about 3%.
 */
final class Histogram {
    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    /** Values from 2^40 on (18 minutes in ns, 1 TiB) share the last bucket; max stays exact. */
    private static final int MAX_EXP = 40;
    static final int BUCKETS = SUB + (MAX_EXP - SUB_BITS) * SUB;

    /** Null until the first value after a clear, so an idle histogram costs no buckets. */
    private final AtomicReference<Window> window = new AtomicReference<>();

    void update(long value) {
        Window w = window.get();
        if (w == null) {
            Window fresh = new Window();
            w = window.compareAndExchange(null, fresh);
            if (w == null) w = fresh;
        }
        w.record(Math.max(0, value));
    }

    /** Starts a new window; a value racing with this may land in the old one and be dropped, as in go-metrics. */
    void clear() { window.set(null); }

    Snapshot snapshot() {
        Window w = window.get();
        return w == null ? Snapshot.EMPTY : w.snapshot();
    }

    static int index(long v) {
        if (v < SUB) return (int) v;
        int exp = 63 - Long.numberOfLeadingZeros(v);
        if (exp >= MAX_EXP) return BUCKETS - 1;
        int shift = exp - SUB_BITS;
        return SUB + shift * SUB + (int) ((v >>> shift) - SUB);
    }

    static long lowerBound(int index) {
        if (index < SUB) return index;
        int shift = (index - SUB) / SUB;
        return (long) (SUB + (index - SUB) % SUB) << shift;
    }

    static long width(int index) { return index < SUB ? 1 : 1L << ((index - SUB) / SUB); }

    private static final class Window {
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);
        final LongAdder sum = new LongAdder();
        final DoubleAdder sumOfSquares = new DoubleAdder();
        final LongAccumulator min = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator max = new LongAccumulator(Math::max, Long.MIN_VALUE);

        void record(long v) {
            buckets.incrementAndGet(index(v));
            sum.add(v);
            sumOfSquares.add((double) v * v);
            min.accumulate(v);
            max.accumulate(v);
        }

        Snapshot snapshot() {
            long[] counts = new long[BUCKETS];
            long n = 0;
            for (int i = 0; i < BUCKETS; i++) n += counts[i] = buckets.get(i);
            if (n == 0) return Snapshot.EMPTY;
            return new Snapshot(counts, n, min.get(), max.get(), sum.sum(), sumOfSquares.sum());
        }
    }

    /** A copy to compute from while the window keeps counting. */
    static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(new long[0], 0, 0, 0, 0, 0);

        private final long[] counts;
        final long count;
        final long min;
        final long max;
        final double mean;
        final double stdDev;

        private Snapshot(long[] counts, long count, long min, long max, long sum, double sumOfSquares) {
            this.counts = counts;
            this.count = count;
            this.min = min;
            this.max = max;
            this.mean = count == 0 ? 0 : (double) sum / count;
            // population variance, as go-metrics' SampleVariance
            this.stdDev = count == 0 ? 0 : Math.sqrt(Math.max(0, sumOfSquares / count - mean * mean));
        }

        /** go-metrics' SamplePercentiles: position p·(n+1) among the sorted values, interpolated between two. */
        double percentile(double p) {
            if (count == 0) return 0;
            double pos = p * (count + 1);
            if (pos < 1) return min;
            if (pos >= count) return max;
            long rank = (long) pos;
            double lower = valueAt(rank);
            double upper = valueAt(rank + 1);
            return lower + (pos - rank) * (upper - lower);
        }

        /** The value of the k-th smallest (1-based): its bucket's middle, kept within [min, max]. */
        private double valueAt(long k) {
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= k) {
                    double v = lowerBound(i) + (width(i) - 1) / 2.0;
                    return Math.min(max, Math.max(min, v));
                }
            }
            return max;
        }
    }
}
