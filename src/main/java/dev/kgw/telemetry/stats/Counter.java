package dev.kgw.telemetry.stats;

import java.util.concurrent.atomic.LongAdder;

/** A go-metrics counter: striped, so event loops counting at once do not contend on one word. */
final class Counter {
    private final LongAdder adder = new LongAdder();

    void inc() { adder.increment(); }

    void add(long n) { adder.add(n); }

    long count() { return adder.sum(); }

    /** The count so far, and zero from now on (krakend-metrics' per-window connection counters). */
    long takeAndClear() { return adder.sumThenReset(); }
}
