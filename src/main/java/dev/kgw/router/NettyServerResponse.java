package dev.kgw.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.impl.headers.Http1xHeaders;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * The answer to a {@link NettyServerRequest}. A response given whole ({@link #end(Buffer)} before any write, the
 * usual case) goes out as one message, head and body, in one write and flush; a streamed one (a no-op backend's
 * body) as its head and then each part as it comes, chunked unless it has a {@code Content-Length}. Its headers
 * are the map the encoder writes, no copy. Back-pressure is the channel's writability.
 */
final class NettyServerResponse implements ServerResponse {
    private final NettyServerConnection conn;
    private final NettyServerRequest request;
    private final Http1xHeaders headers = Http1xHeaders.httpHeaders();
    private int status = 200;
    private boolean chunked;
    private boolean headWritten;
    private boolean ended;
    private boolean closed;
    /** Whether the connection stays open after this answer. */
    private boolean keepAlive;
    /** The status says there is no body (1xx, 204, 304), or the request was HEAD. */
    private boolean bodyless;
    private long bytesWritten;
    private Handler<Void> endHandler;
    private Handler<Void> drainHandler;
    private Handler<Throwable> exceptionHandler;

    NettyServerResponse(NettyServerConnection conn, NettyServerRequest request) {
        this.conn = conn;
        this.request = request;
    }

    boolean keepAlive() { return keepAlive; }

    @Override
    public ServerResponse setStatusCode(int status) {
        if (headWritten) throw new IllegalStateException("the response head is already written");
        this.status = status;
        return this;
    }

    @Override public int getStatusCode() { return status; }

    @Override public MultiMap headers() { return headers; }

    @Override
    public ServerResponse setChunked(boolean chunked) {
        this.chunked = chunked;
        return this;
    }

    @Override public boolean headWritten() { return headWritten; }

    @Override public boolean ended() { return ended; }

    @Override public boolean closed() { return closed; }

    @Override public long bytesWritten() { return bytesWritten; }

    /** Settles what the head says about the connection and the body; called once, just before it is written. */
    private void prepareHead(int bodyLength) {
        headWritten = true;
        boolean http10 = request.version() == io.vertx.core.http.HttpVersion.HTTP_1_0;
        keepAlive = request.keepAlive() && !headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE,
                true);
        boolean noContent = status < 200 || status == 204 || status == 304;
        bodyless = noContent || request.isHead();
        // a HEAD answer keeps the length it would have had, and never switches to chunks: nothing follows its head
        if (request.isHead()) chunked = false;
        if (!noContent) {
            if (bodyLength >= 0) {
                if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && !chunked) {
                    headers.set(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(bodyLength));
                }
            } else if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && !request.isHead()) {
                if (http10) keepAlive = false; // no chunks in HTTP/1.0: the end of the body is the connection's
                else chunked = true;
            }
        }
        if (chunked) {
            if (http10) {
                chunked = false;
                keepAlive = false;
            } else {
                headers.remove(HttpHeaderNames.CONTENT_LENGTH);
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (!keepAlive) headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        else if (http10) headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }

    private HttpVersion version() {
        return request.version() == io.vertx.core.http.HttpVersion.HTTP_1_0 ? HttpVersion.HTTP_1_0
                : HttpVersion.HTTP_1_1;
    }

    private ByteBuf content(Buffer data) {
        if (data == null || data.length() == 0) return Unpooled.EMPTY_BUFFER;
        return ((BufferInternal) data).getByteBuf();
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (ended) return conn.context().failedFuture(new IllegalStateException("the response has ended"));
        if (closed) return conn.context().failedFuture(new HttpClosedException("Connection was closed"));
        ByteBuf body = content(data);
        if (!headWritten) {
            prepareHead(-1);
            conn.channel().write(new DefaultHttpResponse(version(), HttpResponseStatus.valueOf(status), headers));
        }
        if (bodyless || !body.isReadable()) {
            if (body.isReadable()) body.release();
            conn.channel().flush();
            return conn.context().succeededFuture();
        }
        bytesWritten += body.readableBytes();
        PromiseInternal<Void> done = conn.context().promise();
        conn.channel().writeAndFlush(new DefaultHttpContent(body)).addListener(done);
        return done.future();
    }

    @Override public Future<Void> end() { return end((Buffer) null); }

    @Override
    public Future<Void> end(Buffer data) {
        if (ended) return conn.context().failedFuture(new IllegalStateException("the response has ended"));
        if (closed) return conn.context().failedFuture(new HttpClosedException("Connection was closed"));
        ended = true;
        ByteBuf body = content(data);
        Object message;
        if (!headWritten) {
            prepareHead(body.readableBytes());
            if (bodyless && body.isReadable()) {
                body.release();
                body = Unpooled.EMPTY_BUFFER;
            }
            message = new DefaultFullHttpResponse(version(), HttpResponseStatus.valueOf(status), body, headers,
                    EmptyHttpHeaders.INSTANCE);
        } else {
            if (bodyless && body.isReadable()) {
                body.release();
                body = Unpooled.EMPTY_BUFFER;
            }
            message = body.isReadable() ? new DefaultLastHttpContent(body) : LastHttpContent.EMPTY_LAST_CONTENT;
        }
        bytesWritten += body.readableBytes();
        PromiseInternal<Void> done = conn.context().promise();
        ChannelPromise written = conn.channel().newPromise();
        written.addListener(done);
        if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
        conn.channel().writeAndFlush(message, written);
        Handler<Void> h = endHandler;
        if (h != null) h.handle(null);
        conn.responseEnded(request);
        return done.future();
    }

    @Override
    public void reset() {
        if (closed) return;
        conn.channel().close(); // HTTP/1 has no stream to reset: the client sees the answer cut off
    }

    /** The connection closed: whatever was not ended is lost. */
    void connectionClosed() {
        if (closed) return;
        closed = true;
        if (ended) return;
        Handler<Throwable> e = exceptionHandler;
        if (e != null) e.handle(new HttpClosedException("Connection was closed"));
        Handler<Void> h = endHandler;
        if (h != null) h.handle(null);
    }

    void writabilityChanged() {
        Handler<Void> h = drainHandler;
        if (h != null && !ended && !closed && conn.channel().isWritable()) h.handle(null);
    }

    @Override
    public ServerResponse endHandler(Handler<Void> handler) {
        this.endHandler = handler;
        return this;
    }

    @Override
    public ServerResponse exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ServerResponse setWriteQueueMaxSize(int maxSize) { return this; } // the channel's watermarks decide

    @Override public boolean writeQueueFull() { return !conn.channel().isWritable(); }

    @Override
    public ServerResponse drainHandler(Handler<Void> handler) {
        this.drainHandler = handler;
        return this;
    }
}
