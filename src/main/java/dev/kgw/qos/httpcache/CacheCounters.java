package dev.kgw.qos.httpcache;

import java.util.concurrent.atomic.LongAdder;

/** What one backend's cache did, for the metrics. */
final class CacheCounters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder coalesced = new LongAdder();
    final LongAdder revalidated = new LongAdder();
    final LongAdder staleOnError = new LongAdder();
}
