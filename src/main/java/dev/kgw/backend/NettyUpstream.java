package dev.kgw.backend;

import dev.kgw.config.ClientSettings;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.buffer.VertxByteBufAllocator;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 to {@code http://} backends straight on Netty's codec, without the Vert.x client's generic layers
 * (future chains, request and response wrappers): a call made on an event loop goes out on a connection of that
 * loop's own {@link UpstreamPool}, so the backend connection lives on the same thread as the client's and no
 * call crosses threads or takes a lock. The channels are those of the transport Vert.x runs on (epoll or NIO)
 * and names are resolved by Vert.x's resolver. Selected by default; {@code -Dkgw.upstream=vertx} falls back to
 * the Vert.x client (see {@link HttpExecutor}).
 */
final class NettyUpstream implements Transport {
    private static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 60_000; // the Vert.x client's
    private static final int MAX_CHUNK = 64 << 10;

    private final VertxInternal vertx;
    private final BodyBudget budget;
    private final boolean keepAlive;
    private final boolean decompress;
    private final int maxIdlePerHost;
    private final long idleNanos;
    private final Bootstrap template;
    private final HttpDecoderConfig decoder;
    private final HttpHeadersFactory headersFactory = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private final ConcurrentHashMap<EventLoop, UpstreamPool> pools = new ConcurrentHashMap<>();

    NettyUpstream(Vertx vertx, ClientSettings s, BodyBudget budget) {
        this.vertx = (VertxInternal) vertx;
        this.budget = budget;
        this.keepAlive = !s.disableKeepAlives();
        this.decompress = !s.disableCompression();
        this.maxIdlePerHost = keepAlive ? Math.max(1, s.maxIdleConnectionsPerHost()) : 0;
        long idleSeconds = s.idleConnectionTimeout().isZero() ? 90 : Math.max(1, s.idleConnectionTimeout().toSeconds());
        this.idleNanos = TimeUnit.SECONDS.toNanos(idleSeconds);
        int connectTimeout = s.dialerTimeout().isZero() ? DEFAULT_CONNECT_TIMEOUT_MILLIS
                : (int) Math.min(Integer.MAX_VALUE, Math.max(1, s.dialerTimeout().toMillis()));
        this.template = new Bootstrap()
                .channelFactory(this.vertx.transport().channelFactory(false))
                .resolver(this.vertx.nameResolver().nettyAddressResolverGroup())
                // the pool of the node's other channels: one set of direct arenas, not two
                .option(ChannelOption.ALLOCATOR, VertxByteBufAllocator.POOLED_ALLOCATOR)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout);
        // the bounds of the Vert.x client: a header flood fails the call at 1 MB instead of growing the heap
        this.decoder = new HttpDecoderConfig().setMaxInitialLineLength(64 * 1024).setMaxHeaderSize(1 << 20)
                .setMaxChunkSize(MAX_CHUNK).setHeadersFactory(headersFactory)
                .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
    }

    /** Whether the calling thread is an event loop of this node, where calls go through this client. */
    boolean onEventLoop() {
        ContextInternal ctx = ContextInternal.current();
        return ctx != null && ctx.isEventLoopContext() && ctx.owner() == vertx && ctx.nettyEventLoop().inEventLoop();
    }

    boolean keepAlive() { return keepAlive; }

    BodyBudget budget() { return budget; }

    HttpHeaders newHeaders() { return headersFactory.newHeaders(); }

    @Override
    public Exchange send(String method, String url, MultiMap headers, Buffer body, ReadStream<Buffer> bodyStream,
                         boolean chunked, Handler<AsyncResult<Answer>> onAnswer) {
        PlainUrl target = PlainUrl.parse(url);
        ContextInternal ctx = ContextInternal.current();
        EventLoop loop = ctx.nettyEventLoop();
        UpstreamPool pool = pools.get(loop);
        if (pool == null) {
            pool = pools.computeIfAbsent(loop, l -> new UpstreamPool(l, template, decoder, decompress,
                    Math.max(1, maxIdlePerHost), keepAlive ? idleNanos : 0));
        }
        NettyExchange exchange = new NettyExchange(this, pool, ctx, method, url, target, headers, body, bodyStream,
                chunked, onAnswer);
        exchange.start();
        return exchange;
    }

    /** Closes every pool's connections, each on its own loop. */
    Future<Void> close() {
        List<UpstreamPool> all = new ArrayList<>(pools.values());
        pools.clear();
        if (all.isEmpty()) return Future.succeededFuture();
        Promise<Void> done = Promise.promise();
        AtomicInteger left = new AtomicInteger(all.size());
        for (UpstreamPool p : all) {
            Runnable closeOne = () -> {
                p.close();
                if (left.decrementAndGet() == 0) done.tryComplete();
            };
            if (p.loop().isShuttingDown()) closeOne.run();
            else p.loop().execute(closeOne);
        }
        return done.future();
    }
}
