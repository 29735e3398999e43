package dev.kgw.telemetry.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRegistryTest {
    @Test
    void flattensWithExpvarsNamesInOrder() {
        StatsRegistry r = new StatsRegistry();
        r.histogram("h").update(7);
        r.counter("c").add(3);
        var flat = r.flatten();
        assertEquals(List.of("krakend.c", "krakend.h.50-percentile", "krakend.h.75-percentile",
                "krakend.h.95-percentile", "krakend.h.99-percentile", "krakend.h.999-percentile", "krakend.h.count",
                "krakend.h.max", "krakend.h.mean", "krakend.h.min", "krakend.h.std-dev"), List.copyOf(flat.keySet()));
        assertEquals(3L, flat.get("krakend.c"));
        assertEquals(1L, flat.get("krakend.h.count"));
        assertEquals(7.0, flat.get("krakend.h.999-percentile"));
        assertEquals(0.0, flat.get("krakend.h.std-dev"));
        assertEquals(7.0, flat.get("krakend.h.mean"));
    }

    @Test
    void oneNameIsOneMetric() {
        StatsRegistry r = new StatsRegistry();
        r.counter("x").inc();
        r.counter("x").inc();
        r.gauge("g", () -> 5);
        r.gauge("g", () -> 6);
        assertEquals(2L, r.flatten().get("krakend.x"));
        assertEquals(5L, r.flatten().get("krakend.g"), "the first registration stays");
    }
}
