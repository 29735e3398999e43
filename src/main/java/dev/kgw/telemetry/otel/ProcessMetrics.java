package dev.kgw.telemetry.otel;

import com.sun.management.UnixOperatingSystemMXBean;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a Prometheus exporter's {@code process_metrics} and {@code go_metrics} ask for, read when scraped (no
 * thread, nothing on the request path). Process metrics take the names of Prometheus' process collector
 * ({@code process_cpu_seconds_total}, {@code process_resident_memory_bytes}, ...), so dashboards made for
 * KrakenD nodes read them unchanged; the Go runtime's metrics have no JVM equivalent, so {@code go_metrics}
 * gives the JVM's heap, threads and collections under OpenTelemetry's {@code jvm.*} names instead.
 */
final class ProcessMetrics {
    private static final AttributeKey<String> MEMORY_TYPE = AttributeKey.stringKey("jvm.memory.type");
    private static final AttributeKey<String> GC_NAME = AttributeKey.stringKey("jvm.gc.name");
    private static final Attributes HEAP = Attributes.of(MEMORY_TYPE, "heap");
    private static final Attributes NON_HEAP = Attributes.of(MEMORY_TYPE, "non_heap");

    private ProcessMetrics() {}

    static void process(Meter meter) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            meter.counterBuilder("process.cpu").ofDoubles().setUnit("s")
                    .setDescription("User and system CPU time spent")
                    .buildWithCallback(m -> m.record(sun.getProcessCpuTime() / 1e9));
        }
        if (os instanceof UnixOperatingSystemMXBean unix) {
            meter.gaugeBuilder("process.open_fds").ofLongs().setDescription("Open file descriptors")
                    .buildWithCallback(m -> m.record(unix.getOpenFileDescriptorCount()));
            meter.gaugeBuilder("process.max_fds").ofLongs().setDescription("Maximum number of open file descriptors")
                    .buildWithCallback(m -> m.record(unix.getMaxFileDescriptorCount()));
        }
        meter.gaugeBuilder("process.resident_memory").ofLongs().setUnit("By").setDescription("Resident memory size")
                .buildWithCallback(m -> {
                    long rss = residentBytes();
                    if (rss >= 0) m.record(rss);
                });
        double start = ManagementFactory.getRuntimeMXBean().getStartTime() / 1e3;
        meter.gaugeBuilder("process.start_time").setUnit("s")
                .setDescription("Start time of the process since the epoch")
                .buildWithCallback(m -> m.record(start));
    }

    static void runtime(Meter meter) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        meter.upDownCounterBuilder("jvm.memory.used").setUnit("By").setDescription("Memory in use")
                .buildWithCallback(m -> {
                    m.record(memory.getHeapMemoryUsage().getUsed(), HEAP);
                    m.record(memory.getNonHeapMemoryUsage().getUsed(), NON_HEAP);
                });
        meter.upDownCounterBuilder("jvm.thread.count").setDescription("Live threads")
                .buildWithCallback(m -> m.record(ManagementFactory.getThreadMXBean().getThreadCount()));
        meter.counterBuilder("jvm.gc.collections").setDescription("Garbage collections, by collector")
                .buildWithCallback(m -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        m.record(Math.max(0, gc.getCollectionCount()), Attributes.of(GC_NAME, gc.getName()));
                    }
                });
        meter.counterBuilder("jvm.gc.time").ofDoubles().setUnit("s").setDescription("Time spent collecting")
                .buildWithCallback(m -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        m.record(Math.max(0, gc.getCollectionTime()) / 1e3, Attributes.of(GC_NAME, gc.getName()));
                    }
                });
    }

    /** VmRSS from /proc on Linux; -1 elsewhere (the metric is then left out). */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
            return -1;
        }
        return -1;
    }
}
