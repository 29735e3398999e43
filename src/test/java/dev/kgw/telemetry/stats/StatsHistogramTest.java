package dev.kgw.telemetry.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsHistogramTest {
    @Test
    void everyValueFallsInsideItsBucket() {
        assertEquals(Histogram.BUCKETS - 1, Histogram.index(Long.MAX_VALUE));
        int previous = -1;
        for (long v = 0; v < 1L << 40; v = v < 64 ? v + 1 : v + v / 7) {
            int i = Histogram.index(v);
            assertTrue(Histogram.lowerBound(i) <= v && v < Histogram.lowerBound(i) + Histogram.width(i), "value " + v);
            assertTrue(i >= previous, "buckets grow with the value");
            assertTrue(Histogram.width(i) == 1 || Histogram.width(i) * 16 <= v, "relative width at most 1/16: " + v);
            previous = i;
        }
    }

    @Test
    void smallValuesGiveGoMetricsExactStatistics() {
        Histogram h = new Histogram();
        for (long v = 10; v >= 1; v--) h.update(v);
        Histogram.Snapshot s = h.snapshot();
        assertEquals(10, s.count);
        assertEquals(1, s.min);
        assertEquals(10, s.max);
        assertEquals(5.5, s.mean, 1e-9);
        assertEquals(Math.sqrt(8.25), s.stdDev, 1e-9, "population standard deviation, as SampleStdDev");
        // SamplePercentiles: position p·(n+1), interpolated
        assertEquals(5.5, s.percentile(0.5), 1e-9);
        assertEquals(8.25, s.percentile(0.75), 1e-9);
        assertEquals(10, s.percentile(0.95), 1e-9);
        assertEquals(1, s.percentile(0.05), 1e-9);
    }

    @Test
    void latenciesArePreciseEnough() {
        Histogram h = new Histogram();
        List<Long> values = new ArrayList<>();
        for (long ms = 1; ms <= 1000; ms++) values.add(ms * 1_000_000 + 12_345);
        Collections.shuffle(values, new Random(1));
        values.forEach(h::update);
        Histogram.Snapshot s = h.snapshot();
        assertEquals(1000, s.count);
        assertEquals(1_012_345, s.min);
        assertEquals(1_000_012_345, s.max);
        assertEquals(500_512_345, s.mean, 1e-3, "the mean is exact");
        assertEquals(288_674_990, s.stdDev, 1e3);
        assertEquals(500_512_345, s.percentile(0.5), 500_512_345 * 0.035);
        assertEquals(991_002_345, s.percentile(0.99), 991_002_345 * 0.035);
        assertTrue(s.percentile(0.999) <= s.max);
    }

    @Test
    void clearStartsANewWindowAndOddValuesStayInRange() {
        Histogram h = new Histogram();
        h.update(-5);
        h.update(Long.MAX_VALUE);
        Histogram.Snapshot s = h.snapshot();
        assertEquals(0, s.min, "negative durations count as 0");
        assertEquals(Long.MAX_VALUE, s.max);
        assertEquals(Long.MAX_VALUE, s.percentile(0.999), 1);
        h.clear();
        Histogram.Snapshot empty = h.snapshot();
        assertEquals(0, empty.count);
        assertEquals(0, empty.percentile(0.5));
        assertEquals(0, empty.mean);
    }

    @Test
    void concurrentUpdatesAreAllCounted() throws Exception {
        Histogram h = new Histogram();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) h.update(i % 1000);
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        Histogram.Snapshot s = h.snapshot();
        assertEquals(400_000, s.count);
        assertEquals(499.5, s.mean, 1e-9);
    }
}
