package dev.kgw.backend;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The backend connections of one event loop, idle ones kept per host: only that loop's thread touches it, so it
 * takes no lock, and a connection never changes threads. Idle connections are reused most recent first (the
 * oldest are those the idle timeout closes), at most {@code max_idle_connections_per_host} per host.
 */
final class UpstreamPool {
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final HttpDecoderConfig decoder;
    private final boolean decompress;
    private final int maxIdlePerHost;
    private final long idleNanos;
    private final Map<String, ArrayDeque<UpstreamConnection>> idle = new HashMap<>();
    private final Set<UpstreamConnection> open = new HashSet<>();
    private ScheduledFuture<?> sweeper;
    private boolean closed;

    UpstreamPool(EventLoop loop, Bootstrap template, HttpDecoderConfig decoder, boolean decompress,
                 int maxIdlePerHost, long idleNanos) {
        this.loop = loop;
        this.bootstrap = template.clone(loop);
        this.decoder = decoder;
        this.decompress = decompress;
        this.maxIdlePerHost = maxIdlePerHost;
        this.idleNanos = idleNanos;
    }

    EventLoop loop() { return loop; }

    /** The most recently used idle connection to the target, or null. */
    UpstreamConnection poll(PlainUrl target) {
        ArrayDeque<UpstreamConnection> q = idle.get(target.key());
        if (q == null) return null;
        UpstreamConnection c;
        while ((c = q.pollFirst()) != null) {
            if (c.channel.isActive()) return c;
        }
        return null;
    }

    /** Dials the target: the connection is usable once {@code connected} (on its channel) completes. */
    UpstreamConnection connect(PlainUrl target) {
        if (closed) throw new IllegalStateException("the HTTP client is closed");
        UpstreamConnection c = new UpstreamConnection(target.key());
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                // failOnMissingResponse off: a connection the backend closes while idle is not an error
                ch.pipeline().addLast("codec", new HttpClientCodec(decoder, false, false));
                if (decompress) ch.pipeline().addLast("inflater", new HttpContentDecompressor(false, 0));
                ch.pipeline().addLast("upstream", c);
            }
        });
        c.connected = b.connect(InetSocketAddress.createUnresolved(target.host(), target.port()));
        c.channel = c.connected.channel();
        open.add(c);
        // also when the dial failed: a channel that never became active is closed without going inactive
        c.channel.closeFuture().addListener(f -> closed(c));
        return c;
    }

    /** Keeps a connection whose last answer was read to its end, or closes it when the pool is full. */
    void offer(UpstreamConnection c) {
        c.exchange = null;
        if (closed || !c.channel.isActive()) {
            c.close();
            return;
        }
        ArrayDeque<UpstreamConnection> q = idle.computeIfAbsent(c.key, k -> new ArrayDeque<>());
        if (q.size() >= maxIdlePerHost) {
            c.close();
            return;
        }
        // an answer streamed to a slow client may have left reading off; an idle connection must hear a close
        if (!c.channel.config().isAutoRead()) c.channel.config().setAutoRead(true);
        c.idleSince = System.nanoTime();
        q.addFirst(c);
        if (sweeper == null) {
            long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(idleNanos / 4, TimeUnit.SECONDS.toNanos(5)));
            sweeper = loop.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
        }
    }

    /** The connection's channel closed: it is no longer idle nor open. */
    private void closed(UpstreamConnection c) {
        open.remove(c);
        ArrayDeque<UpstreamConnection> q = idle.get(c.key);
        if (q != null) q.remove(c);
    }

    private void sweep() {
        long now = System.nanoTime();
        boolean any = false;
        for (Iterator<ArrayDeque<UpstreamConnection>> it = idle.values().iterator(); it.hasNext(); ) {
            ArrayDeque<UpstreamConnection> q = it.next();
            UpstreamConnection oldest;
            while ((oldest = q.peekLast()) != null && now - oldest.idleSince >= idleNanos) {
                q.pollLast();
                oldest.close();
            }
            if (q.isEmpty()) it.remove();
            else any = true;
        }
        if (!any && sweeper != null) {
            sweeper.cancel(false);
            sweeper = null;
        }
    }

    /** Closes every connection, idle or busy; runs on the loop. */
    void close() {
        closed = true;
        if (sweeper != null) sweeper.cancel(false);
        idle.clear();
        for (UpstreamConnection c : new ArrayList<>(open)) c.channel.close();
        open.clear();
    }
}
