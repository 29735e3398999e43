package dev.kgw;

import dev.kgw.backend.BackendHttpNamespace;
import dev.kgw.backend.HttpExecutor;
import dev.kgw.config.NamespaceRegistry;
import dev.kgw.config.ServiceConfig;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.proxy.ProxyFactory;
import dev.kgw.proxy.ProxyNamespace;
import dev.kgw.router.GatewayServer;
import dev.kgw.router.LifecycleNamespace;
import dev.kgw.router.LifecycleOptions;
import dev.kgw.router.NodeState;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RouterOptions;
import dev.kgw.telemetry.logging.AccessLog;
import dev.kgw.telemetry.logging.LoggingNamespace;
import dev.kgw.telemetry.logging.LoggingOptions;
import dev.kgw.telemetry.otel.NodeMetrics;
import dev.kgw.telemetry.otel.OtelNamespace;
import dev.kgw.telemetry.otel.OtelOptions;
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
    private final NodeMetrics metrics;

    /** The namespaces this build understands; new {@code extra_config} packages register here. */
    public static NamespaceRegistry namespaces() {
        return new NamespaceRegistry()
                .register(new RouterNamespace())
                .register(new ProxyNamespace())
                .register(new BackendHttpNamespace())
                .register(new BackendHttpNamespace.Client())
                .register(new LifecycleNamespace())
                .register(new LoggingNamespace())
                .register(new OtelNamespace());
    }

    public Gateway(ServiceConfig config) { this(config, null); }

    /** @param metricsPort replaces the Prometheus exporter's port (several nodes of one file on one host), or null */
    public Gateway(ServiceConfig config, Integer metricsPort) {
        this.config = config;
        this.metrics = config.extra().get(OtelNamespace.NAME, OtelOptions.class)
                .filter(o -> !o.prometheus().isEmpty())
                .map(o -> new NodeMetrics(o, config.fingerprint(), config.port(), metricsPort)).orElse(null);
        this.state = new NodeState(config.fingerprint());
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        JsonCodec json = new JsonCodec();
        this.http = new HttpExecutor(vertx, config.client());
        ProxyFactory proxies = new ProxyFactory(vertx, http, json, config.dnsCacheTtl());
        Router router;
        try {
            router = new Router(config, proxies::endpoint, json, state, observer(config, metrics));
        } catch (RuntimeException e) {
            vertx.close();
            if (metrics != null) metrics.close();
            throw e;
        }
        this.server = new GatewayServer(vertx, config, router, loops);
    }

    /**
     * The access log when the logging level prints it, and the metrics when an exporter is configured; null when
     * neither, and then the router skips the hook entirely.
     */
    private static RequestObserver observer(ServiceConfig config, NodeMetrics metrics) {
        LoggingOptions logging = config.extra().get(LoggingNamespace.NAME, LoggingOptions.class)
                .orElse(LoggingOptions.DEFAULT);
        RouterOptions router = config.extra().get(RouterNamespace.NAME, RouterOptions.class)
                .orElse(RouterOptions.DEFAULT);
        RequestObserver access = AccessLog.enabled(logging, router.disableAccessLog())
                ? new AccessLog(Set.copyOf(router.loggerSkipPaths())) : null;
        if (access == null) return metrics;
        if (metrics == null) return access;
        return (req, route, status, nanos) -> {
            access.onResponse(req, route, status, nanos);
            metrics.onResponse(req, route, status, nanos);
        };
    }

    public Future<Void> start() { return server.start(); }

    public int port() { return server.port(); }

    public ServiceConfig config() { return config; }

    public boolean nativeTransport() { return vertx.isNativeTransportEnabled(); }

    /**
     * Stops the node without costing clients anything: first a draining phase ({@code kgw/lifecycle.drain_delay})
     * in which it still serves while {@code /__health} says 503 and every response closes its connection, so the
     * balancer moves traffic away; then the listener closes and in-flight requests finish (bounded by
     * {@code max_shutdown_wait_time} when set); then everything is freed.
     */
    public Future<Void> stop() {
        state.startDraining();
        long drain = config.extra().get(LifecycleNamespace.NAME, LifecycleOptions.class)
                .orElse(LifecycleOptions.DEFAULT).drainDelay().toMillis();
        long grace = config.maxShutdownWaitTime().toMillis();
        Future<Void> drained = drain <= 0 ? Future.succeededFuture()
                : Future.future(p -> vertx.setTimer(drain, id -> p.complete()));
        return drained.compose(v -> server.stop(grace)).eventually(http::close).eventually(vertx::close)
                .andThen(ar -> {
                    if (metrics != null) metrics.close(); // after the last request was counted
                });
    }

    public NodeState state() { return state; }
}
