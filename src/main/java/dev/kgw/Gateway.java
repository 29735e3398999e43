package dev.kgw;

import dev.kgw.backend.BackendHttpNamespace;
import dev.kgw.backend.BodyBudget;
import dev.kgw.backend.HttpExecutor;
import dev.kgw.config.NamespaceRegistry;
import dev.kgw.config.ServiceConfig;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.proxy.PipelineHooks;
import dev.kgw.proxy.ProxyFactory;
import dev.kgw.proxy.ProxyNamespace;
import dev.kgw.router.GatewayServer;
import dev.kgw.router.ListenerCounters;
import dev.kgw.router.UnhandledErrors;
import dev.kgw.router.LifecycleNamespace;
import dev.kgw.router.LifecycleOptions;
import dev.kgw.router.NodeState;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RouterOptions;
import dev.kgw.telemetry.logging.AccessLog;
import dev.kgw.telemetry.logging.LoggingNamespace;
import dev.kgw.telemetry.logging.LoggingOptions;
import dev.kgw.telemetry.otel.NodeTelemetry;
import dev.kgw.telemetry.otel.OtelNamespace;
import dev.kgw.telemetry.otel.OtelOptions;
import dev.kgw.telemetry.influx.InfluxNamespace;
import dev.kgw.telemetry.influx.InfluxOptions;
import dev.kgw.telemetry.influx.InfluxReporter;
import dev.kgw.telemetry.stats.NodeStats;
import dev.kgw.telemetry.stats.StatsNamespace;
import dev.kgw.telemetry.stats.StatsOptions;
import dev.kgw.qos.ratelimit.RateLimitNamespace;
import dev.kgw.qos.ratelimit.RateLimits;
import dev.kgw.qos.ratelimit.RedisNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.kgw.router.Router;
import dev.kgw.router.RouterNamespace;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * One node: the object graph built from a config in one place (no static state), started and stopped as a unit.
 */
public final class Gateway {
    private final ServiceConfig config;
    private final Vertx vertx;
    private final HttpExecutor http;
    private final GatewayServer server;
    private final NodeState state;
    private final NodeTelemetry otel;
    private final InfluxReporter influx;
    private final NodeStats stats;

    /** The namespaces this build understands; new {@code extra_config} packages register here. */
    public static NamespaceRegistry namespaces() {
        return new NamespaceRegistry()
                .register(new RouterNamespace())
                .register(new ProxyNamespace())
                .register(new BackendHttpNamespace())
                .register(new BackendHttpNamespace.Client())
                .register(new LifecycleNamespace())
                .register(new LoggingNamespace())
                .register(new OtelNamespace())
                .register(new InfluxNamespace())
                .register(new StatsNamespace())
                .register(RateLimitNamespace.local())
                .register(RateLimitNamespace.redis())
                .register(new RedisNamespace());
    }

    public Gateway(ServiceConfig config) { this(config, null); }

    /** @param metricsPort replaces the Prometheus exporter's port (several nodes of one file on one host), or null */
    public Gateway(ServiceConfig config, Integer metricsPort) {
        this.config = config;
        this.state = new NodeState(config.fingerprint());
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        vertx.exceptionHandler(new UnhandledErrors()::log);
        ListenerCounters listener = new ListenerCounters();
        this.influx = config.extra().get(InfluxNamespace.NAME, InfluxOptions.class)
                .map(o -> new InfluxReporter(vertx, o, config.port())).orElse(null);
        this.stats = config.extra().get(StatsNamespace.NAME, StatsOptions.class)
                .map(o -> new NodeStats(vertx, o, config.endpoints())).orElse(null);
        if (stats != null) stats.listener(listener);
        BodyBudget bodies = BodyBudget.forHeap();
        this.http = new HttpExecutor(vertx, config.client(), bodies);
        RateLimits limits = new RateLimits(vertx, config);
        NodeTelemetry telemetry = null;
        Router router;
        try {
            // the OpenTelemetry exporters bind ports and start threads: built last, closed if anything fails
            telemetry = config.extra().get(OtelNamespace.NAME, OtelOptions.class)
                    .map(o -> new NodeTelemetry(o, config.fingerprint(), config.port(), metricsPort,
                            limits::localDecisions)).orElse(null);
            if (telemetry != null) telemetry.listener(listener);
            List<PipelineHooks> hooks = new ArrayList<>();
            if (telemetry != null) hooks.add(telemetry.hooks());
            if (stats != null) hooks.add(stats.hooks());
            JsonCodec json = new JsonCodec();
            ProxyFactory proxies = new ProxyFactory(vertx, http, json, config.dnsCacheTtl(), PipelineHooks.all(hooks));
            router = new Router(config, proxies::endpoint, json, state,
                    observer(config, telemetry == null ? null : telemetry.observer(), influx,
                            stats == null ? null : stats.router()),
                    telemetry == null ? null : telemetry.tracer(), limits::gate, bodies);
        } catch (RuntimeException e) {
            vertx.close();
            if (telemetry != null) telemetry.close();
            throw e;
        }
        this.otel = telemetry;
        this.server = new GatewayServer(vertx, config, router, loops, state, listener);
    }

    /**
     * The access log when the logging level prints it, and the metrics when an exporter is configured; null when
     * neither, and then the router skips the hook entirely.
     */
    private static RequestObserver observer(ServiceConfig config, RequestObserver... telemetry) {
        LoggingOptions logging = config.extra().get(LoggingNamespace.NAME, LoggingOptions.class)
                .orElse(LoggingOptions.DEFAULT);
        RouterOptions router = config.extra().get(RouterNamespace.NAME, RouterOptions.class)
                .orElse(RouterOptions.DEFAULT);
        List<RequestObserver> all = new ArrayList<>();
        if (AccessLog.enabled(logging, router.disableAccessLog())) {
            all.add(new AccessLog(Set.copyOf(router.loggerSkipPaths())));
        }
        for (RequestObserver o : telemetry) if (o != null) all.add(o);
        if (all.isEmpty()) return null;
        if (all.size() == 1) return all.get(0);
        RequestObserver[] each = all.toArray(new RequestObserver[0]);
        return (req, route, status, nanos) -> {
            for (RequestObserver o : each) o.onResponse(req, route, status, nanos);
        };
    }

    public Future<Void> start() {
        return server.start().compose(v -> stats == null ? Future.succeededFuture() : stats.start());
    }

    public int port() { return server.port(); }

    public ServiceConfig config() { return config; }

    public boolean nativeTransport() { return vertx.isNativeTransportEnabled(); }

    /**
     * Stops the node without costing clients anything: first a draining phase ({@code kgw/lifecycle.drain_delay})
     * in which it still serves while {@code /__health} says 503 and every response closes its connection, so the
     * balancer moves traffic away; then the listener closes, in-flight requests finish, and a keep-alive connection
     * not used since the drain began is closed once that was {@link GatewayServer#IDLE_CLOSE} ago (all bounded by
     * {@code max_shutdown_wait_time} when set); then everything is freed.
     */
    public Future<Void> stop() {
        state.startDraining();
        long drain = config.extra().get(LifecycleNamespace.NAME, LifecycleOptions.class)
                .orElse(LifecycleOptions.DEFAULT).drainDelay().toMillis();
        long grace = config.maxShutdownWaitTime().toMillis();
        Future<Void> drained = drain <= 0 ? Future.succeededFuture()
                : Future.future(p -> vertx.setTimer(drain, id -> p.complete()));
        return drained.compose(v -> server.stop(grace))
                .eventually(() -> stats == null ? Future.succeededFuture() : stats.close())
                .eventually(() -> influx == null ? Future.succeededFuture() : influx.flush())
                .eventually(http::close).eventually(vertx::close)
                .andThen(ar -> {
                    if (otel != null) otel.close(); // after the last request was counted and traced
                });
    }

    public NodeState state() { return state; }
}
