package dev.kgw.telemetry.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.ProxyStages;
import dev.kgw.router.ListenerCounters;
import dev.kgw.router.RequestObserver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * One node's {@code telemetry/metrics}: the registry, the router observer and pipeline hooks that fill it, the
 * collection window, and the {@code /__stats} listener. See the package documentation for how it differs from
 * krakend-metrics.
 */
public final class NodeStats {
    private static final Logger LOG = Logger.getLogger(NodeStats.class.getName());

    private final Vertx vertx;
    private final StatsOptions options;
    private final StatsRegistry registry = new StatsRegistry();
    private final RouterStats router;
    private final ProxyStages hooks;
    private final List<String> cmdline = cmdline();
    private final ObjectWriter writer = new ObjectMapper().writer();
    private final long timer;
    private volatile StatsServer server;

    public NodeStats(Vertx vertx, StatsOptions options, List<EndpointConfig> endpoints) {
        this.vertx = vertx;
        this.options = options;
        this.router = new RouterStats(registry, options.routerDisabled() ? List.of() : endpoints);
        this.hooks = options.proxyDisabled() && options.backendDisabled() ? ProxyStages.NONE
                : new PipeStats(registry, !options.proxyDisabled(), !options.backendDisabled());
        JvmStats.register(registry);
        this.timer = vertx.setPeriodic(Math.max(1, options.collectionTime().toMillis()), id -> collect());
    }

    /** The listener's gauges and counters, read when the stats are served. */
    public void listener(ListenerCounters c) {
        registry.gauge("server.connections.open", c::openConnections);
        registry.gauge("server.requests.in-flight", c::inFlight);
        registry.gauge("server.connections.refused", c::refusedConnections);
        registry.gauge("server.requests.refused", c::refusedRequests);
        registry.gauge("server.requests.bad", c::badRequests);
        registry.gauge("server.read-timeouts", c::readTimeouts);
        registry.gauge("server.write-timeouts", c::writeTimeouts);
    }

    /**
     * The counters and gauges other parts of the node publish, each under its dotted name followed by its label
     * values ({@code circuitbreaker.state.<backend>}).
     */
    public void counters(List<dev.kgw.spi.Node.Counter> counters) {
        for (var c : counters) {
            String key = c.labels().isEmpty() ? c.name() : c.name() + "." + String.join(".", c.labels().values());
            registry.gauge(key, c.value());
        }
    }

    /** What the router calls per answered request; null with {@code router_disabled}. */
    public RequestObserver router() { return options.routerDisabled() ? null : router; }

    /** The proxy and backend layers' instrumentation (nothing for a disabled layer). */
    public ProxyStages hooks() { return hooks; }

    /** The end of a window: connection counts move to their gauges and totals, histograms start over. */
    void collect() {
        router.aggregate();
        registry.clearHistograms();
    }

    /**
     * Opens {@code /__stats} unless {@code endpoint_disabled}. Never fails: as in KrakenD, a node whose stats port
     * is taken logs it and serves its API anyway.
     */
    public Future<Void> start() {
        if (options.endpointDisabled()) return Future.succeededFuture();
        StatsServer s = new StatsServer(vertx, options.host(), options.port(), this::json);
        String where = (options.host().isEmpty() ? "*" : options.host()) + ":";
        return s.listen().map(bound -> {
            server = s;
            LOG.info("/__stats listening on " + where + s.port());
            return (Void) null;
        }).recover(e -> {
            LOG.severe("telemetry/metrics: cannot listen on " + where + options.port() + " (" + e.getMessage()
                    + "); the node runs without /__stats");
            return Future.succeededFuture();
        });
    }

    /** The bound port of {@code /__stats}, or -1 when it is not listening. */
    public int port() {
        StatsServer s = server;
        return s == null ? -1 : s.port();
    }

    public Future<Void> close() {
        vertx.cancelTimer(timer);
        StatsServer s = server;
        server = null;
        return s == null ? Future.succeededFuture() : s.close();
    }

    /**
     * The body of {@code /__stats}: expvar's {@code cmdline} and every metric, sorted, laid out as Go's expvar
     * handler does (one compact {@code "name": value} per line).
     */
    Buffer json() {
        Map<String, Object> all = new TreeMap<>(registry.flatten());
        all.put("cmdline", cmdline);
        StringBuilder out = new StringBuilder(64 * all.size()).append("{\n");
        try {
            for (Map.Entry<String, Object> e : all.entrySet()) {
                if (out.length() > 2) out.append(",\n");
                out.append(writer.writeValueAsString(e.getKey())).append(": ")
                        .append(writer.writeValueAsString(e.getValue()));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.append("\n}\n").toString());
    }

    StatsRegistry registry() { return registry; }

    /**
     * As Go's {@code os.Args}: the program and its arguments, when the OS tells. The JVM's own options are left out
     * (they may carry {@code -D} secrets such as key store passwords): {@code [java, -jar, kgw.jar, run, ...]}.
     */
    private static List<String> cmdline() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> out = new ArrayList<>();
        info.command().ifPresent(out::add);
        List<String> args = info.arguments().map(List::of).orElse(List.of());
        int jar = args.indexOf("-jar");
        if (jar >= 0) out.addAll(args.subList(jar, args.size()));
        return List.copyOf(out);
    }
}
