package dev.kgw;

import dev.kgw.backend.BodyBudget;
import dev.kgw.backend.HttpExecutor;
import dev.kgw.config.ServiceConfig;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.proxy.ProxyFactory;
import dev.kgw.router.GatewayServer;
import dev.kgw.router.ListenerCounters;
import dev.kgw.router.NodeState;
import dev.kgw.router.Router;
import dev.kgw.router.UnhandledErrors;
import dev.kgw.spi.NodeContext;
import dev.kgw.spi.Pipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * One node: the object graph built from a config in one place (no static state), started and stopped as a unit.
 * It names no namespace: each one registered in {@link Namespaces} is opened into the {@link Pipeline}, which
 * hands the router and the proxy factory their stages.
 */
public final class Gateway {
    private final ServiceConfig config;
    private final Vertx vertx;
    private final HttpExecutor http;
    private final GatewayServer server;
    private final NodeState state;
    private final Pipeline pipeline;

    public Gateway(ServiceConfig config) { this(config, Namespaces.builtIn(), null); }

    /** @param metricsPort replaces the Prometheus exporter's port (several nodes of one file on one host), or null */
    public Gateway(ServiceConfig config, Namespaces namespaces, Integer metricsPort) {
        this.config = config;
        this.state = new NodeState(config.fingerprint());
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        vertx.exceptionHandler(new UnhandledErrors()::log);
        ListenerCounters listener = new ListenerCounters();
        BodyBudget bodies = BodyBudget.forHeap();
        this.http = new HttpExecutor(vertx, config.client(), bodies);
        Pipeline opened = null;
        Router router;
        try {
            opened = Pipeline.open(namespaces.list(), new NodeContext(config, vertx, listener, metricsPort));
            JsonCodec json = new JsonCodec();
            ProxyFactory proxies = new ProxyFactory(vertx, http, json, config.dnsCacheTtl(), opened);
            router = new Router(config, proxies::endpoint, json, state, opened, bodies);
        } catch (RuntimeException e) {
            vertx.close();
            if (opened != null) opened.close();
            throw e;
        }
        this.pipeline = opened;
        this.server = new GatewayServer(vertx, config, router, loops, state, listener);
    }

    public Future<Void> start() { return server.start().compose(v -> pipeline.start()); }

    public int port() { return server.port(); }

    public ServiceConfig config() { return config; }

    public boolean nativeTransport() { return vertx.isNativeTransportEnabled(); }

    /** What the namespaces built into this node, for tests and diagnostics. */
    public Pipeline pipeline() { return pipeline; }

    /**
     * Stops the node without costing clients anything: first a draining phase (as long as a namespace holds it,
     * {@code kgw/lifecycle.drain_delay}) in which it still serves while {@code /__health} says 503 and every
     * response closes its connection, so the balancer moves traffic away; then the listener closes, in-flight
     * requests finish, and a keep-alive connection not used since the drain began is closed once that was
     * {@link GatewayServer#IDLE_CLOSE} ago (all bounded by {@code max_shutdown_wait_time} when set); then the
     * namespaces stop (last pushes) and everything is freed.
     */
    public Future<Void> stop() {
        state.startDraining();
        long grace = config.maxShutdownWaitTime().toMillis();
        return pipeline.drain().compose(v -> server.stop(grace))
                .eventually(pipeline::stop)
                .eventually(http::close).eventually(vertx::close)
                .andThen(ar -> pipeline.close()); // after the last request was counted and traced
    }

    public NodeState state() { return state; }
}
