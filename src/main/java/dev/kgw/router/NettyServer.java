package dev.kgw.router;

import dev.kgw.config.ServiceConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.impl.buffer.VertxByteBufAllocator;
import io.vertx.core.http.impl.headers.Http1xHeaders;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.impl.ShutdownEvent;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The node's own HTTP/1.x listener for clear-text configs, on Netty's codec and Vert.x's event loops: the accepted
 * connection, its request decoding, the {@link Router} and the upstream call all run on one loop, and a response
 * goes out in one write. Decoding keeps Netty's strict parser (smuggling-safe framing, the head bounds of
 * {@code max_header_bytes}); the per-connection bounds, timeouts and draining are the {@link ConnectionGuard}'s,
 * as under Vert.x's server. TLS and HTTP/2 stay on Vert.x's server ({@link GatewayServer}).
 */
final class NettyServer {
    private final VertxInternal vertx;
    private final ServiceConfig config;
    private final Router router;
    private final ListenerCounters counters;
    private final ConnectionGuard.Shared guards;
    private final ConnectionErrors errors;
    private final BooleanSupplier admit;
    private final HttpDecoderConfig decoder;
    private final ConcurrentHashMap<EventLoop, ContextInternal> contexts = new ConcurrentHashMap<>();
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile Channel listener;
    private volatile Promise<Void> allClosed;

    /** @param admit counts a new connection in, or refuses it ({@code max_connections}) */
    NettyServer(VertxInternal vertx, ServiceConfig config, Router router, ListenerCounters counters,
                ConnectionGuard.Shared guards, ConnectionErrors errors, BooleanSupplier admit) {
        this.vertx = vertx;
        this.config = config;
        this.router = router;
        this.counters = counters;
        this.guards = guards;
        this.errors = errors;
        this.admit = admit;
        int maxHeader = config.server().maxHeaderBytes();
        this.decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(Math.max(4096, Math.min(maxHeader, 64 * 1024)))
                .setMaxHeaderSize(maxHeader)
                .setHeadersFactory(HEADERS);
    }

    /** The decoder's header maps are Vert.x's {@code MultiMap}s as well, so the router reads them as they are. */
    private static final HttpHeadersFactory HEADERS = new HttpHeadersFactory() {
        @Override public HttpHeaders newHeaders() { return Http1xHeaders.httpHeaders(); }

        @Override public HttpHeaders newEmptyHeaders() { return Http1xHeaders.httpHeaders(); }
    };

    Future<Void> start() {
        Promise<Void> bound = Promise.promise();
        ServerBootstrap b = new ServerBootstrap()
                .group(vertx.acceptorEventLoopGroup(), vertx.nettyEventLoopGroup())
                .channelFactory(vertx.transport().serverChannelFactory(false))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, VertxByteBufAllocator.POOLED_ALLOCATOR)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) { connected(ch); }
                });
        String host = config.listenIp().isEmpty() ? "0.0.0.0" : config.listenIp();
        b.bind(host, config.port()).addListener(f -> {
            if (f.isSuccess()) {
                listener = ((io.netty.channel.ChannelFuture) f).channel();
                bound.complete();
            } else {
                bound.fail(f.cause());
            }
        });
        return bound.future();
    }

    /** As {@link GatewayServer}'s: refused past {@code max_connections}, else the HTTP/1 pipeline with its guard. */
    private void connected(Channel ch) {
        if (!admit.getAsBoolean()) {
            ch.close();
            return;
        }
        open.add(ch);
        ch.closeFuture().addListener(f -> {
            counters.openConnections.decrementAndGet();
            open.remove(ch);
            Promise<Void> waiting = allClosed;
            if (waiting != null && open.isEmpty()) waiting.tryComplete();
        });
        ConnectionGuard guard = new ConnectionGuard(guards);
        ch.pipeline()
                .addLast("kgwBytesWatch", guard.bytesWatch())
                .addLast("httpDecoder", new HttpRequestDecoder(decoder))
                .addLast("httpEncoder", new HttpResponseEncoder())
                .addLast("kgwGuard", guard)
                .addLast("handler", new NettyServerConnection(router, context(ch.eventLoop()), errors));
    }

    /** One Vert.x context per event loop, as one server verticle per loop has under Vert.x's server. */
    private ContextInternal context(EventLoop loop) {
        ContextInternal c = contexts.get(loop);
        if (c == null) {
            c = contexts.computeIfAbsent(loop, l -> vertx.contextBuilder().withEventLoop(l)
                    .withThreadingModel(ThreadingModel.EVENT_LOOP).build());
        }
        return c;
    }

    int port() {
        Channel l = listener;
        return l != null && l.localAddress() instanceof InetSocketAddress a ? a.getPort() : -1;
    }

    /**
     * Closes the listener, then tells every connection (its {@link ConnectionGuard} closes it after its answer, or
     * once unused), and waits for all to close, up to {@code graceMillis} (0 = as long as it takes); past it, the
     * rest are closed.
     */
    Future<Void> stop(long graceMillis) {
        Promise<Void> done = Promise.promise();
        allClosed = done;
        Channel l = listener;
        Runnable tell = () -> {
            ShutdownEvent event = new ShutdownEvent(Duration.ofMillis(graceMillis));
            for (Channel ch : open) ch.eventLoop().execute(() -> ch.pipeline().fireUserEventTriggered(event));
            if (open.isEmpty()) done.tryComplete();
        };
        if (l == null) tell.run();
        else l.close().addListener(f -> tell.run());
        if (graceMillis > 0) {
            long timer = vertx.setTimer(graceMillis, id -> {
                for (Channel ch : open) ch.close();
            });
            done.future().onComplete(ar -> vertx.cancelTimer(timer));
        }
        return done.future();
    }
}
