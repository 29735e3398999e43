package dev.kgw.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import io.vertx.core.impl.buffer.VertxByteBufAllocator;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.streams.ReadStream;
import java.util.Map;

/**
 * One request and its answer on a {@link UpstreamConnection}: written in one flush (a streamed body follows as it
 * comes, paused while the socket is full), the answer's head handed to the caller, its body read under its bounds
 * or streamed. The connection goes back to its pool when the answer was read to its end and keep-alive holds; an
 * answer given up closes it. Everything runs on the connection's event loop, which is the caller's.
 */
final class NettyExchange implements Transport.Exchange, Transport.Answer, ChannelFutureListener {
    private static final AsciiString ZERO = AsciiString.cached("0");

    private final NettyUpstream upstream;
    private final UpstreamPool pool;
    private final ContextInternal context;
    private final String method;
    private final String url;
    private final PlainUrl target;
    private final MultiMap headers;
    private final Buffer body;
    private final ReadStream<Buffer> bodyStream;
    private final boolean chunked;
    private final Handler<AsyncResult<Transport.Answer>> onAnswer;

    private UpstreamConnection conn;
    private boolean reused;
    private boolean retried;
    /** The request (with its whole body) is on the wire. */
    private boolean written;
    /** Part of a streamed body was taken: the request cannot be sent again. */
    private boolean bodyTaken;
    private boolean bodyPaused;
    /** Something of an answer arrived on this connection. */
    private boolean responseSeen;
    /** A 1xx answer is being skipped. */
    private boolean interim;
    private Throwable aborted;
    /** The caller heard of the answer's head, or of the failure. */
    private boolean answered;
    /** The body was read, failed or given up: nothing more is delivered. */
    private boolean over;
    private boolean keepAlive;
    private HttpResponse response;
    private MultiMap responseHeaders;

    private ResponseBodies.Bound bound;
    private ByteBuf collected;
    private Handler<AsyncResult<Buffer>> readDone;
    private NettyResponseStream stream;

    NettyExchange(NettyUpstream upstream, UpstreamPool pool, ContextInternal context, String method, String url,
                  PlainUrl target, MultiMap headers, Buffer body, ReadStream<Buffer> bodyStream,
                  boolean chunked, Handler<AsyncResult<Transport.Answer>> onAnswer) {
        this.upstream = upstream;
        this.pool = pool;
        this.context = context;
        this.method = method;
        this.url = url;
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.bodyStream = bodyStream;
        this.chunked = chunked;
        this.onAnswer = onAnswer;
    }

    void start() {
        UpstreamConnection idle = pool.poll(target);
        if (idle != null) {
            bind(idle, true);
            write();
            return;
        }
        dial();
    }

    private void dial() {
        UpstreamConnection c;
        try {
            c = pool.connect(target);
        } catch (RuntimeException e) {
            failHead(e);
            return;
        }
        c.connected.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                failHead(f.cause());
                return;
            }
            if (aborted != null) {
                pool.offer(c); // a fresh connection is as good for the next call
                return;
            }
            bind(c, false);
            write();
        });
    }

    private void bind(UpstreamConnection c, boolean reused) {
        conn = c;
        c.exchange = this;
        this.reused = reused;
    }

    private void write() {
        Channel ch = conn.channel;
        // the call's own map (Vert.x's are Netty's) goes out as it is, with the client's headers set on it: one
        // map per request, not two; the redirect logic drops these before the next hop
        HttpHeaders h;
        if (headers instanceof HttpHeaders netty) {
            h = netty;
        } else {
            h = upstream.newHeaders();
            for (Map.Entry<String, String> e : headers) h.add(e.getKey(), e.getValue());
        }
        h.set(HttpHeaderNames.HOST, target.hostHeader());
        if (!upstream.keepAlive()) h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpMethod m = HttpMethod.valueOf(method);
        if (bodyStream != null) {
            if (!h.contains(HttpHeaderNames.CONTENT_LENGTH)) h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            ch.write(new DefaultHttpRequest(HttpVersion.HTTP_1_1, m, target.requestTarget(), h), ch.voidPromise());
            pipeBody(ch);
            return;
        }
        ByteBuf content;
        if (body != null && body.length() > 0) {
            // the buffer's own bytes, unreleasable: a redirect or a retry sends them again
            content = ((BufferInternal) body).getByteBuf();
            if (chunked) h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            else h.set(HttpHeaderNames.CONTENT_LENGTH, body.length());
        } else {
            content = Unpooled.EMPTY_BUFFER;
            if (HttpExecutor.bodyExpected(method)) h.set(HttpHeaderNames.CONTENT_LENGTH, ZERO);
        }
        ch.writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, m, target.requestTarget(), content, h,
                EmptyHttpHeaders.INSTANCE)).addListener(this);
    }

    /** A client's body as it arrives: each chunk written as it comes, the client paused while the socket is full. */
    private void pipeBody(Channel ch) {
        bodyTaken = true;
        ReadStream<Buffer> s = bodyStream;
        s.exceptionHandler(e -> {
            if (conn != null) fail(e);
        });
        s.endHandler(v -> {
            UpstreamConnection c = conn;
            if (c != null) c.channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(this);
        });
        s.handler(chunk -> {
            UpstreamConnection c = conn;
            if (c == null) return; // the answer came (or the call failed) before the whole body was sent
            c.channel.writeAndFlush(new DefaultHttpContent(((BufferInternal) chunk).getByteBuf()), c.channel.voidPromise());
            if (!c.channel.isWritable()) {
                bodyPaused = true;
                s.pause();
            }
        });
        ch.flush();
        s.resume();
    }

    void onWritable() {
        if (bodyPaused) {
            bodyPaused = false;
            bodyStream.resume();
        }
    }

    /** The request (its last part) was written, or could not be. */
    @Override
    public void operationComplete(ChannelFuture f) {
        if (f.isSuccess()) written = true;
        else if (f.channel() == (conn == null ? null : conn.channel)) onClosed(f.cause());
    }

    void onMessage(HttpObject msg) {
        try {
            responseSeen = true;
            if (msg.decoderResult().isFailure()) {
                // a header past 1 MB, a line past 64 KB, a broken chunk: the rest of the stream is unreadable
                fail(msg.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpResponse r) {
                int code = r.status().code();
                if (code >= 100 && code < 200 && code != 101) {
                    interim = true; // 100 Continue and the like: the answer follows
                    return;
                }
                onHead(r);
            }
            if (msg instanceof HttpContent c) {
                if (interim) {
                    if (msg instanceof LastHttpContent) interim = false;
                    return;
                }
                if (response != null) onContent(c.content(), msg instanceof LastHttpContent);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHead(HttpResponse r) {
        response = r;
        responseHeaders = new HeadersAdaptor(r.headers());
        keepAlive = upstream.keepAlive() && HttpUtil.isKeepAlive(r);
        answered = true;
        context.emit(Future.succeededFuture(this), onAnswer);
        // the caller neither reads nor streams it (its deadline passed meanwhile): nobody will
        if (bound == null && stream == null && !over) abandon();
    }

    private void onContent(ByteBuf data, boolean last) {
        if (!over) {
            if (stream != null) {
                if (data.isReadable()) stream.push(heapCopy(data));
            } else if (bound != null && data.isReadable()) {
                RuntimeException refused = bound.admit(data.readableBytes());
                if (refused != null) {
                    failBody(refused);
                    return;
                }
                collected.writeBytes(data);
            }
        }
        if (!last) return;
        UpstreamConnection c = conn;
        if (c != null) {
            conn = null;
            // a request whose body was still going out when the answer ended leaves the connection mid-message
            if (keepAlive && written) pool.offer(c);
            else c.close();
        }
        if (over) return;
        if (stream != null) {
            stream.end();
        } else if (bound != null) {
            over = true;
            bound.finish();
            Buffer result = BufferInternal.buffer(collected);
            collected = null;
            context.emit(Future.succeededFuture(result), readDone);
        }
    }

    /** The bytes as a heap buffer the node can hold without a reference count (the server response copies). */
    private static Buffer heapCopy(ByteBuf data) {
        ByteBuf copy = VertxByteBufAllocator.DEFAULT.heapBuffer(data.readableBytes());
        copy.writeBytes(data, data.readerIndex(), data.readableBytes());
        return BufferInternal.buffer(copy);
    }

    /** Lets go of the connection, closed: it may hold half a message. */
    private void closeConnection() {
        UpstreamConnection c = conn;
        if (c != null) {
            conn = null;
            c.close();
        }
    }

    /** The connection closed, failed or could not write while this exchange held it. */
    void onClosed(Throwable cause) {
        UpstreamConnection c = conn;
        if (c == null) return;
        conn = null;
        c.close();
        if (!answered && aborted == null && reused && !responseSeen && !retried && !bodyTaken
                && (!written || idempotent(method))) {
            // the backend closed a kept-alive connection before this request reached it: as Go's transport
            // does, once more on a fresh one
            retried = true;
            written = false;
            dial();
            return;
        }
        Throwable why = cause != null ? cause : new HttpClosedException("Connection was closed");
        if (!answered) failHead(why);
        else failBody(why);
    }

    /** Ends the exchange on a failure of its own: the connection is closed, it may hold half a message. */
    private void fail(Throwable cause) {
        closeConnection();
        if (!answered) failHead(cause);
        else failBody(cause);
    }

    private void failHead(Throwable cause) {
        if (answered) return;
        answered = true;
        over = true;
        context.emit(Future.failedFuture(UpstreamFailure.wrap(method, url, cause)), onAnswer);
    }

    private void failBody(Throwable cause) {
        closeConnection();
        if (over) return;
        over = true;
        if (stream != null) {
            stream.fail(cause);
        } else if (bound != null) {
            bound.fail();
            collected = null;
            context.emit(Future.failedFuture(cause), readDone);
        }
    }

    private static boolean idempotent(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }

    /** Reading switched on and off by the streamed answer's demand, while this exchange holds the connection. */
    void demand(boolean read) {
        UpstreamConnection c = conn;
        if (c != null && c.channel.config().isAutoRead() != read) c.channel.config().setAutoRead(read);
    }

    @Override
    public void abort(Throwable cause) {
        if (aborted != null) return;
        aborted = cause;
        fail(cause);
    }

    @Override public int status() { return response.status().code(); }

    @Override public MultiMap headers() { return responseHeaders; }

    @Override
    public void read(long max, int weight, Handler<AsyncResult<Buffer>> done) {
        if (over) {
            done.handle(Future.failedFuture(new HttpClosedException("Connection was closed")));
            return;
        }
        try {
            bound = new ResponseBodies.Bound(url, responseHeaders.get(HttpHeaderNames.CONTENT_LENGTH),
                    responseHeaders.get(HttpHeaderNames.CONTENT_ENCODING), max, upstream.budget(), weight);
        } catch (RuntimeException e) {
            over = true;
            done.handle(Future.failedFuture(e));
            return;
        }
        readDone = done;
        collected = VertxByteBufAllocator.DEFAULT.heapBuffer(Math.max(bound.initialCapacity(), 256));
    }

    @Override
    public ReadStream<Buffer> stream() {
        stream = new NettyResponseStream(this, context);
        demand(false);
        return stream;
    }

    @Override
    public void abandon() {
        closeConnection();
        if (over) return;
        over = true;
        if (bound != null) bound.fail();
        collected = null;
    }
}
