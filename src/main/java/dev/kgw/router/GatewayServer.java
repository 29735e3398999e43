package dev.kgw.router;

import dev.kgw.backend.TlsVersions;
import dev.kgw.config.ServerSettings;
import dev.kgw.config.ServiceConfig;
import dev.kgw.config.TlsSettings;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import dev.kgw.log.RateLimitedLog;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.http1.Http1ServerConnection;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listener. A clear-text node serves HTTP/1.x with its own server ({@link NettyServer}: Netty's codec on
 * Vert.x's event loops, one write per answer); a node with TLS or h2c uses Vert.x's HTTP server, one per event loop,
 * for ALPN and HTTP/2. Both bind one server socket and spread its connections over every event loop, so no
 * {@code SO_REUSEPORT} is needed, and without it a second node on a port in use fails as KrakenD does instead of
 * silently splitting the traffic with the first. Both put the same {@link ConnectionGuard} in front of every
 * HTTP/1 connection and feed the same {@link Router}. Stopping closes the listener first and lets in-flight
 * requests finish.
 */
public final class GatewayServer {
    private static final Logger LOG = Logger.getLogger(GatewayServer.class.getName());
    /**
     * How long after the drain started a keep-alive connection that was not used since stays open once the listener
     * shut down: a client still using it gets its answer (with {@code Connection: close}) instead of a connection
     * closed under its request. After a {@code drain_delay} longer than this, such connections close at once.
     */
    public static final Duration IDLE_CLOSE = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final ServiceConfig config;
    private final Router router;
    private final int instances;
    private final ListenerLimits limits;
    private final ListenerCounters counters;
    private final ConnectionGuard.Shared guards;
    private final ConnectionErrors errors = new ConnectionErrors();
    private final RateLimitedLog refusedConnections = new RateLimitedLog(LOG, Duration.ofSeconds(10));
    private final List<HttpServer> servers = new ArrayList<>();
    /** The node's own HTTP/1.x server, or null when Vert.x's serves (TLS, HTTP/2, {@code -Dkgw.server=vertx}). */
    private final NettyServer netty;
    private String deploymentId;

    public GatewayServer(Vertx vertx, ServiceConfig config, Router router, int instances, NodeState state,
                         ListenerCounters counters) {
        this.vertx = vertx;
        this.config = config;
        this.router = router;
        this.instances = instances;
        this.limits = ListenerLimits.of(config.server(), router.options());
        this.counters = counters;
        this.guards = new ConnectionGuard.Shared(limits, counters, state, IDLE_CLOSE);
        this.netty = ownServer(config, router.options()) ? new NettyServer((VertxInternal) vertx, config, router,
                counters, guards, errors, this::admitConnection) : null;
    }

    /**
     * Clear-text HTTP/1.x is served by the node's own server; TLS (with ALPN) and h2c by Vert.x's, which has
     * HTTP/2. {@code -Dkgw.server=vertx} puts everything on Vert.x's, for A/B runs.
     */
    static boolean ownServer(ServiceConfig config, RouterOptions routerOptions) {
        ServerSettings s = config.server();
        return s.tls().disabled() && !s.useH2c() && !routerOptions.useH2c()
                && !"vertx".equals(System.getProperty("kgw.server"));
    }

    public Future<Void> start() {
        if (netty != null) return netty.start().recover(e -> Future.failedFuture(bindFailure(e)));
        HttpServerOptions options = options(config, router.options());
        return vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                HttpServer s = vertx.createHttpServer(options)
                        .requestHandler(req -> router.handle(new VertxServerRequest(req)))
                        .connectionHandler(GatewayServer.this::connected);
                synchronized (servers) {
                    servers.add(s);
                }
                return s.listen();
            }
        }, new DeploymentOptions().setInstances(instances)).<Void>map(id -> {
            deploymentId = id;
            return null;
        }).recover(e -> Future.failedFuture(bindFailure(e)));
    }

    /** Go's wording ({@code listen tcp :8080: bind: address already in use}) for a port in use. */
    private Throwable bindFailure(Throwable e) {
        if (!(e instanceof BindException)
                && !String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("address already in use")) {
            return e;
        }
        return new BindException("listen tcp " + config.listenIp() + ":" + config.port()
                + ": bind: address already in use");
    }

    /**
     * Every new client connection, on its event loop, before it reads a request: refused past
     * {@code max_connections}; HTTP/1 ones get their {@link ConnectionGuard}.
     */
    private void connected(HttpConnection conn) {
        if (!admitConnection()) {
            conn.close();
            return;
        }
        conn.closeHandler(v -> counters.openConnections.decrementAndGet());
        conn.exceptionHandler(t -> errors.log(conn, t));
        // an HTTP/2 connection (TLS with ALPN, h2c, an h2c upgrade) has its own flow control and GOAWAY
        if (conn instanceof Http1ServerConnection http1) {
            ChannelPipeline p = http1.channelHandlerContext().pipeline();
            if (p.get("httpDecoder") != null && p.get("handler") != null) {
                ConnectionGuard guard = new ConnectionGuard(guards);
                p.addBefore("httpDecoder", "kgwBytesWatch", guard.bytesWatch());
                p.addBefore("handler", "kgwGuard", guard);
            }
        }
    }

    /** Counts a new connection in, or refuses it past {@code max_connections} (counted, logged); both servers ask. */
    boolean admitConnection() {
        if (counters.openConnections.incrementAndGet() <= limits.maxConnections()) return true;
        counters.openConnections.decrementAndGet();
        counters.refusedConnections.increment();
        refusedConnections.log(Level.WARNING, () -> "refusing connections: " + limits.maxConnections()
                + " open, the router's max_connections; " + counters.refusedConnections() + " refused so far");
        return false;
    }

    /** The bound port (useful with port 0 in tests). */
    public int port() {
        if (netty != null) return netty.port();
        synchronized (servers) {
            return servers.isEmpty() ? -1 : servers.get(0).actualPort();
        }
    }

    /**
     * Stops accepting, then waits up to {@code graceMillis} (0 = as long as it takes) for every connection to close:
     * each HTTP/1 one after its response under way, or once unused for {@link #IDLE_CLOSE} since the drain began
     * ({@link ConnectionGuard}); past the grace Vert.x closes what is left.
     */
    public Future<Void> stop(long graceMillis) {
        if (netty != null) return netty.stop(graceMillis);
        List<Future<Void>> all = new ArrayList<>();
        synchronized (servers) {
            for (HttpServer s : servers) {
                all.add(graceMillis > 0 ? s.shutdown(graceMillis, TimeUnit.MILLISECONDS) : s.shutdown(1, TimeUnit.DAYS));
            }
        }
        return Future.join(all).transform(ar -> deploymentId == null ? Future.succeededFuture()
                : vertx.undeploy(deploymentId)).mapEmpty();
    }

    static HttpServerOptions options(ServiceConfig config, RouterOptions routerOptions) {
        ServerSettings s = config.server();
        HttpServerOptions o = new HttpServerOptions()
                .setPort(config.port())
                .setHost(config.listenIp().isEmpty() ? "0.0.0.0" : config.listenIp())
                .setMaxHeaderSize(s.maxHeaderBytes())
                .setMaxInitialLineLength(Math.max(4096, Math.min(s.maxHeaderBytes(), 64 * 1024)))
                .setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(s.useH2c() || routerOptions.useH2c())
                .setHandle100ContinueAutomatically(true)
                // no WebSockets here (KrakenD CE has none): without their compression extension the pipeline
                // loses a handler that otherwise inspects every request
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        // Go's IdleTimeout falls back to ReadTimeout. Vert.x's timer counts any silence, also a slow backend's, so
        // it is kept only for HTTP/2 connections: ConnectionGuard removes it from HTTP/1 ones and keeps the
        // idle, read and write timeouts there as Go's server does
        long idle = !s.idleTimeout().isZero() ? s.idleTimeout().toMillis() : s.readTimeout().toMillis();
        if (idle > 0) o.setIdleTimeout((int) idle).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        TlsSettings tls = s.tls();
        if (!tls.disabled()) {
            PemKeyCertOptions keys = new PemKeyCertOptions();
            tls.keys().forEach(k -> keys.addCertPath(k.publicKey()).addKeyPath(k.privateKey()));
            o.setSsl(true).setUseAlpn(true).setKeyCertOptions(keys)
                    .setEnabledSecureTransportProtocols(TlsVersions.between(tls.minVersion(), tls.maxVersion()));
            TlsVersions.cipherNames(tls.cipherSuites()).forEach(o::addEnabledCipherSuite);
            if (tls.enableMtls()) {
                PemTrustOptions trust = new PemTrustOptions();
                tls.caCerts().forEach(trust::addCertPath);
                tls.keys().forEach(k -> trust.addCertPath(k.publicKey()));
                o.setClientAuth(ClientAuth.REQUIRED).setTrustOptions(trust);
            }
        }
        return o;
    }
}
