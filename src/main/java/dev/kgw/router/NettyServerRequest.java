package dev.kgw.router;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import javax.net.ssl.SSLSession;

/**
 * A request read by the node's own HTTP/1.x server ({@link NettyServerConnection}): the decoder's head as it is
 * (its header map is already a {@link MultiMap}), the path and query split on first use, and the body as a stream.
 * Body parts arrive from the connection; while the reader is paused they wait here and the connection stops
 * reading from the socket, so what waits is at most one read's worth.
 */
final class NettyServerRequest implements ServerRequest {
    private final NettyServerConnection conn;
    private final HttpRequest head;
    private final HttpMethod method;
    private final NettyServerResponse response;
    private final boolean keepAlive;
    private String path;
    private String query;
    private boolean split;
    private MultiMap params;
    private HostAndPort authority;

    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    /** How many more parts the reader takes; Long.MAX_VALUE while it flows. */
    private long demand = Long.MAX_VALUE;
    private ArrayDeque<Buffer> waiting;
    /** The body's last part arrived. */
    private boolean ended;
    private boolean endDelivered;
    /** Nobody reads the rest any more (the answer went out before it): it is dropped as it arrives. */
    private boolean discarding;

    NettyServerRequest(NettyServerConnection conn, HttpRequest head) {
        this.conn = conn;
        this.head = head;
        this.method = HttpMethod.valueOf(head.method().name());
        this.keepAlive = HttpUtil.isKeepAlive(head);
        this.response = new NettyServerResponse(conn, this);
    }

    HttpRequest head() { return head; }

    boolean keepAlive() { return keepAlive; }

    boolean isHead() { return method == HttpMethod.HEAD; }

    @Override public HttpMethod method() { return method; }

    @Override
    public HttpVersion version() {
        return head.protocolVersion() == io.netty.handler.codec.http.HttpVersion.HTTP_1_0 ? HttpVersion.HTTP_1_0
                : HttpVersion.HTTP_1_1;
    }

    @Override public String uri() { return head.uri(); }

    @Override
    public String path() {
        if (!split) split();
        return path;
    }

    @Override
    public String query() {
        if (!split) split();
        return query;
    }

    private void split() {
        split = true;
        String uri = head.uri();
        path = HttpUtils.parsePath(uri);
        query = HttpUtils.parseQuery(uri);
    }

    @Override
    public MultiMap params() {
        if (params == null) params = HttpUtils.params(head.uri(), StandardCharsets.UTF_8, false);
        return params;
    }

    @Override public MultiMap headers() { return (MultiMap) head.headers(); }

    @Override
    public HostAndPort authority() {
        if (authority == null) {
            String host = head.headers().get("Host");
            if (host != null) authority = HostAndPort.parseAuthority(host, -1);
        }
        return authority;
    }

    @Override public SocketAddress remoteAddress() { return conn.remoteAddress(); }

    @Override public boolean isSSL() { return false; }

    @Override public SSLSession sslSession() { return null; }

    @Override public boolean isEnded() { return ended; }

    @Override public NettyServerResponse response() { return response; }

    /** A body part from the decoder; this request owns {@code content} from here on. */
    void content(ByteBuf content, boolean last) {
        if (discarding || endDelivered) {
            content.release();
        } else if (content.isReadable()) {
            Buffer part = BufferInternal.safeBuffer(content); // a heap copy: readers may keep it
            if (demand > 0 && (waiting == null || waiting.isEmpty())) {
                deliver(part);
            } else {
                if (waiting == null) waiting = new ArrayDeque<>(4);
                waiting.add(part);
            }
        } else {
            content.release();
        }
        if (last) {
            ended = true;
            drain();
        }
        conn.readingChanged();
    }

    private void deliver(Buffer part) {
        if (demand != Long.MAX_VALUE) demand--;
        Handler<Buffer> h = handler;
        if (h != null) h.handle(part);
    }

    private void drain() {
        while (demand > 0 && waiting != null && !waiting.isEmpty()) deliver(waiting.poll());
        if (ended && !endDelivered && demand > 0 && (waiting == null || waiting.isEmpty())) {
            endDelivered = true;
            Handler<Void> h = endHandler;
            if (h != null) h.handle(null);
        }
    }

    /** Whether the connection should stop reading the socket for this request's sake. */
    boolean holdsReading() { return !ended && !discarding && demand == 0; }

    /** The answer is complete: nobody will read what is left of the body. */
    void discardRest() {
        discarding = true;
        handler = null;
        waiting = null;
        conn.readingChanged();
    }

    /** The connection closed before the body's end. */
    void closed() {
        if (ended || discarding) return;
        discarding = true;
        Handler<Throwable> h = exceptionHandler;
        if (h != null) h.handle(new HttpClosedException("Connection was closed"));
    }

    @Override
    public ServerRequest handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ServerRequest pause() {
        demand = 0;
        return this;
    }

    @Override
    public ServerRequest resume() { return fetch(Long.MAX_VALUE); }

    @Override
    public ServerRequest fetch(long amount) {
        if (amount <= 0) return this;
        demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
        drain();
        conn.readingChanged();
        return this;
    }

    @Override
    public ServerRequest endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        return this;
    }

    @Override
    public ServerRequest exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }
}
