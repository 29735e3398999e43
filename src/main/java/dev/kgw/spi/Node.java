package dev.kgw.spi;

import dev.kgw.config.ServiceConfig;
import dev.kgw.router.ListenerCounters;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What a namespace may use while it builds its part of a node: the parsed file, the node's event loops (for timers
 * and clients of its own; never its HTTP listener), the listener's counters, and a place to publish counters that
 * telemetry namespaces report without knowing who counts them.
 */
public interface Node {
    ServiceConfig config();

    Vertx vertx();

    ListenerCounters listener();

    /** The Prometheus exporter's port given on the command line ({@code --metrics-port}), or null. */
    Integer metricsPort();

    /** A cumulative counter for the telemetry namespaces: {@code name} is dotted, {@code ratelimit.local.decisions}. */
    default void publish(String name, String description, LongSupplier value) {
        publish(new Counter(name, description, Map.of(), false, value));
    }

    /**
     * A counter or, with {@code gauge}, a value that goes up and down (a breaker's state); the same name may be
     * published several times with different labels ({@code backend}), as one metric.
     */
    void publish(Counter counter);

    /** Every counter and gauge published so far; read it in {@link Extension#start()}, once every namespace is open. */
    List<Counter> counters();

    record Counter(String name, String description, Map<String, String> labels, boolean gauge, LongSupplier value) {
        public Counter(String name, String description, LongSupplier value) {
            this(name, description, Map.of(), false, value);
        }
    }
}
