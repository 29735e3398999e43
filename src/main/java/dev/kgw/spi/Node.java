package dev.kgw.spi;

import dev.kgw.config.ServiceConfig;
import dev.kgw.router.ListenerCounters;
import io.vertx.core.Vertx;
import java.util.List;
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
    void publish(String name, String description, LongSupplier value);

    /** Every counter published so far; read it in {@link Extension#start()}, once every namespace is open. */
    List<Counter> counters();

    record Counter(String name, String description, LongSupplier value) {}
}
