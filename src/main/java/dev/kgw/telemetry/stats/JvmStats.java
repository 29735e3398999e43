package dev.kgw.telemetry.stats;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's numbers under the names go-metrics gives the Go runtime's ({@code krakend.service.runtime.*},
 * {@code krakend.service.debug.GCStats.*}), so a dashboard built on them shows the nearest equivalent. Read when
 * the stats are served rather than once per window. The Go-only ones (goroutines, cgo calls, mspans...) are left
 * out.
 */
final class JvmStats {
    private JvmStats() {}

    static void register(StatsRegistry registry) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        registry.gauge("service.runtime.MemStats.HeapAlloc", () -> memory.getHeapMemoryUsage().getUsed());
        registry.gauge("service.runtime.MemStats.HeapInuse", () -> memory.getHeapMemoryUsage().getUsed());
        registry.gauge("service.runtime.MemStats.HeapSys", () -> memory.getHeapMemoryUsage().getCommitted());
        registry.gauge("service.runtime.MemStats.Sys", () -> memory.getHeapMemoryUsage().getCommitted()
                + memory.getNonHeapMemoryUsage().getCommitted());
        registry.gauge("service.runtime.NumThread", () -> ManagementFactory.getThreadMXBean().getThreadCount());
        registry.gauge("service.debug.GCStats.NumGC",
                () -> gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum());
        registry.gauge("service.debug.GCStats.PauseTotal", () -> TimeUnit.MILLISECONDS.toNanos(
                gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum()));
    }
}
