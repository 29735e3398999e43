package dev.kgw.spi;

import dev.kgw.config.ServiceConfig;
import dev.kgw.router.ListenerCounters;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link Node} the object graph hands to every namespace it opens. */
public final class NodeContext implements Node {
    private final ServiceConfig config;
    private final Vertx vertx;
    private final ListenerCounters listener;
    private final Integer metricsPort;
    private final List<Counter> counters = new CopyOnWriteArrayList<>();

    public NodeContext(ServiceConfig config, Vertx vertx, ListenerCounters listener, Integer metricsPort) {
        this.config = config;
        this.vertx = vertx;
        this.listener = listener;
        this.metricsPort = metricsPort;
    }

    @Override public ServiceConfig config() { return config; }

    @Override public Vertx vertx() { return vertx; }

    @Override public ListenerCounters listener() { return listener; }

    @Override public Integer metricsPort() { return metricsPort; }

    @Override public void publish(Counter counter) { counters.add(counter); }

    @Override public List<Counter> counters() { return List.copyOf(counters); }
}
