package dev.kgw.router;

import dev.kgw.log.RateLimitedLog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.net.impl.ShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-connection part of the listener's bounds and of draining, for HTTP/1, as a Netty handler between the
 * HTTP codec and Vert.x's connection (Vert.x has no per-phase timeouts and no hook where a response is written).
 * It sees every request head, body end and response of its connection, whoever wrote it (endpoints, built-ins,
 * 404s, Vert.x's own 400/431), on the connection's event loop, so it needs no locking. Per request it costs two
 * atomic operations on the in-flight gauge and a volatile read; timers exist only while a head or body is
 * incomplete across reads, or while stopping.
 * <ul>
 * <li>{@code read_header_timeout}: a head must be complete that long after the connection opened, or after its
 * first byte arrived; else the connection is closed.
 * <li>{@code read_timeout}: a body must be complete that long after its head; else the connection is closed.
 * <li>{@code write_timeout}: a response must be written to the socket that long after its request's head arrived,
 * as Go's write deadline; else the connection is closed and the answer lost.
 * <li>{@code idle_timeout} (else {@code read_timeout}): a keep-alive connection waits that long after a response was
 * written for the next request's first byte. Vert.x's idle timer, which also fires while a slow backend is being
 * waited for, is removed from HTTP/1 connections (it stays for HTTP/2 ones).
 * <li>{@code max_in_flight}: past it a request is answered 503 at once and its connection closed, before Vert.x
 * builds anything for it.
 * <li>HTTP/1.1 without exactly one {@code Host} (HTTP/1.0 may have none): 400, as Go's server answers.
 * <li>Draining: every response written once the node drains carries {@code Connection: close}, and the
 * connection is closed after it. When the listener shuts down, an idle connection (so one unused since the drain
 * started: a used one got {@code Connection: close}) is closed once it has been unused for {@link Shared#idleClose}
 * since then, never while a request may be on its way; Vert.x's own shutdown, which closes idle connections at once
 * and drops a request that arrives on them afterwards, never sees the event.
 * </ul>
 */
final class ConnectionGuard extends ChannelDuplexHandler implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());

    /** What every connection of a node shares. */
    static final class Shared {
        final ListenerLimits limits;
        final ListenerCounters counters;
        final NodeState state;
        /** How long an idle connection unused since the drain started stays open once the listener shut down. */
        final long idleClose;
        final RateLimitedLog timeouts = new RateLimitedLog(LOG, Duration.ofSeconds(10));
        final RateLimitedLog refusals = new RateLimitedLog(LOG, Duration.ofSeconds(10));
        final RateLimitedLog badRequests = new RateLimitedLog(LOG, Duration.ofSeconds(10));

        Shared(ListenerLimits limits, ListenerCounters counters, NodeState state, Duration idleClose) {
            this.limits = limits;
            this.counters = counters;
            this.state = state;
            this.idleClose = idleClose.toNanos();
        }
    }

    private final Shared shared;
    private ChannelHandlerContext ctx;
    /** The HTTP/1 decoder's place: once it is gone the connection speaks something else and this guard leaves. */
    private ChannelHandlerContext decoder;
    private ChannelHandlerContext watch;
    /** A request head arrived and the end of its body did not yet. */
    private boolean reading;
    /** Requests received whose final response is not written yet (more than one only with pipelining). */
    private int pending;
    /** Bytes arrived in the current read, seen before the decoder by {@link #bytesWatch()}. */
    private boolean bytesIn;
    /** A request head or body part came out of the decoder in the current read. */
    private boolean messageIn;
    /** {@link System#nanoTime()} by which the head under way must be complete; 0 when none is. */
    private long headDeadline;
    private long bodyDeadline;
    /** By when the response under way must be written; 0 when none is due. */
    private long writeDeadline;
    /** By when the next request must start on this unused keep-alive connection; 0 when it is not idle. */
    private long idleDeadline;
    /** The response under way said {@code Connection: close}: close once it is written and the request read. */
    private boolean closeAfterResponse;
    /** When this connection last finished a response without {@code Connection: close} while draining. */
    private long quietSince;
    /** The listener shut down. */
    private boolean stopping;
    /** This handler answered (400, 503) and closes the connection: whatever else arrives is dropped. */
    private boolean refused;
    private boolean closed;
    private ScheduledFuture<?> timer;
    private long timerAt;

    ConnectionGuard(Shared shared) { this.shared = shared; }

    /** The part that goes in front of the HTTP decoder: it only notes that bytes arrived. */
    ChannelInboundHandlerAdapter bytesWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext c) { watch = c; }

            @Override
            public void channelRead(ChannelHandlerContext c, Object msg) {
                if (msg instanceof ByteBuf b && b.isReadable()) {
                    bytesIn = true;
                    idleDeadline = 0;
                }
                c.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.decoder = ctx.pipeline().context("httpDecoder");
        if (ctx.pipeline().get("idle") != null) ctx.pipeline().remove("idle"); // see the class comment
        // as Go's server: the first head is due read_header_timeout after the connection opened
        headDeadline = System.nanoTime() + shared.limits.readHeaderTimeoutNanos();
        arm(headDeadline);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest req) {
            messageIn = true;
            headDeadline = 0;
            if (!admit(req)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (pending == 0 && shared.limits.writeTimeoutNanos() > 0) {
                writeDeadline = System.nanoTime() + shared.limits.writeTimeoutNanos();
                arm(writeDeadline);
            }
            pending++;
            reading = !(msg instanceof LastHttpContent);
        } else if (msg instanceof LastHttpContent) {
            messageIn = true;
            reading = false;
            bodyDeadline = 0;
            ctx.fireChannelRead(msg);
            if (closeAfterResponse && pending == 0) ctx.close(); // answered before its body was in
            return;
        } else if (msg instanceof HttpContent) {
            messageIn = true;
        }
        ctx.fireChannelRead(msg);
    }

    /** False when this request was answered here (400, 503) and must not reach Vert.x. */
    private boolean admit(HttpRequest req) {
        ListenerCounters counters = shared.counters;
        if (pending > 0) {
            // pipelined behind a response under way: an answer from here would overtake it
            counters.inFlight.incrementAndGet();
            return true;
        }
        String hostProblem = req.decoderResult().isSuccess() ? hostProblem(req) : null;
        if (hostProblem != null) {
            counters.badRequests.increment();
            shared.badRequests.log(Level.INFO, () -> "400 to " + ctx.channel().remoteAddress() + ": " + hostProblem);
            refuse(HttpResponseStatus.BAD_REQUEST, "400 Bad Request: " + hostProblem);
            return false;
        }
        int inFlight = counters.inFlight.incrementAndGet();
        if (inFlight > shared.limits.maxInFlight()) {
            counters.inFlight.decrementAndGet();
            counters.refusedRequests.increment();
            shared.refusals.log(Level.WARNING, () -> "refusing requests (503): " + shared.limits.maxInFlight()
                    + " in flight, the router's max_in_flight; " + counters.refusedRequests() + " refused so far");
            refuse(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "503 Service Unavailable: too many requests in flight");
            return false;
        }
        return true;
    }

    /** Go's checks (net/http readRequest): HTTP/1.1 needs a Host, and no request may have two. */
    static String hostProblem(HttpRequest req) {
        int hosts = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = req.headers().iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            if (name.length() == 4 && AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.HOST) && ++hosts > 1) {
                return "too many Host headers";
            }
        }
        if (hosts == 0 && req.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
                && !HttpMethod.CONNECT.equals(req.method())) {
            return "missing required Host header";
        }
        return null;
    }

    private void refuse(HttpResponseStatus status, String text) {
        refused = true;
        headDeadline = 0;
        bodyDeadline = 0;
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (bytesIn && !messageIn && !reading && pending == 0 && headDeadline == 0 && !refused && http1()) {
            // the first bytes of a head that did not come out whole: it has read_header_timeout from now
            headDeadline = System.nanoTime() + shared.limits.readHeaderTimeoutNanos();
            arm(headDeadline);
        }
        if (reading && bodyDeadline == 0 && shared.limits.readTimeoutNanos() > 0) {
            bodyDeadline = System.nanoTime() + shared.limits.readTimeoutNanos();
            arm(bodyDeadline);
        }
        bytesIn = false;
        messageIn = false;
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (closed || !(msg instanceof HttpObject)) {
            ctx.write(msg, promise);
            return;
        }
        if (msg instanceof HttpResponse r) {
            if (r.status().code() < 200) { // 100 Continue, 103: not the answer
                ctx.write(msg, promise);
                return;
            }
            if (stopping || shared.state.draining()) {
                r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                closeAfterResponse = true;
            }
        }
        if (msg instanceof LastHttpContent) {
            if (shared.limits.writeTimeoutNanos() > 0 || shared.limits.idleTimeoutNanos() > 0) {
                ChannelPromise p = promise.unvoid();
                p.addListener(f -> responseWritten());
                promise = p;
            }
            if (pending > 0) {
                pending--;
                shared.counters.inFlight.decrementAndGet();
            }
            if (closeAfterResponse) {
                if (pending == 0 && !reading) {
                    ChannelPromise p = promise.unvoid();
                    ctx.write(msg, p);
                    p.addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            } else if (shared.state.draining()) {
                // its head went out before the drain: the client may use the connection once more
                quietSince = System.nanoTime();
            }
            ctx.write(msg, promise);
            if (stopping && pending == 0 && !reading) closeWhenUnused();
            return;
        }
        ctx.write(msg, promise);
    }

    /** A final response reached the socket: the next one's write deadline, or the idle wait, begins. */
    private void responseWritten() {
        if (closed) return;
        long now = System.nanoTime();
        if (pending > 0 && shared.limits.writeTimeoutNanos() > 0) {
            writeDeadline = now + shared.limits.writeTimeoutNanos(); // the next pipelined answer's
            arm(writeDeadline);
        } else if (pending == 0) {
            writeDeadline = 0;
        }
        if (pending == 0 && !reading && !closeAfterResponse && shared.limits.idleTimeoutNanos() > 0) {
            idleDeadline = now + shared.limits.idleTimeoutNanos();
            arm(idleDeadline);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ShutdownEvent) {
            // the listener is closed; this connection closes on our terms (see the class comment)
            stopping = true;
            if (pending == 0 && !reading) closeWhenUnused();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    private long unusedUntil() {
        long since = shared.state.draining() ? shared.state.drainingSince() : System.nanoTime();
        if (quietSince != 0 && quietSince - since > 0) since = quietSince;
        return since + shared.idleClose;
    }

    private void closeWhenUnused() {
        long at = unusedUntil();
        if (System.nanoTime() - at >= 0) {
            ctx.close();
        } else {
            arm(at);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (pending > 0) shared.counters.inFlight.addAndGet(-pending);
        pending = 0;
        if (timer != null) timer.cancel(false);
        ctx.fireChannelInactive();
    }

    private void arm(long at) {
        if (timer != null) {
            if (at - timerAt >= 0) return; // it fires earlier and re-arms for what is left
            timer.cancel(false);
        }
        timerAt = at;
        timer = ctx.executor().schedule(this, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** False once the decoder left the pipeline (an upgrade): then this guard and its byte watch leave too. */
    private boolean http1() {
        if (decoder != null && !decoder.isRemoved()) return true;
        headDeadline = 0;
        bodyDeadline = 0;
        writeDeadline = 0;
        idleDeadline = 0;
        ctx.pipeline().remove(this);
        if (watch != null && !watch.isRemoved()) ctx.pipeline().remove(watch.handler());
        return false;
    }

    /** The timer: enforces whichever deadline passed, re-arms for the next one. */
    @Override
    public void run() {
        timer = null;
        if (closed || !http1()) return;
        long now = System.nanoTime();
        if (headDeadline != 0 && now - headDeadline >= 0) {
            timedOut("no complete request head within read_header_timeout");
            return;
        }
        if (bodyDeadline != 0 && now - bodyDeadline >= 0) {
            timedOut("no complete request body within read_timeout");
            return;
        }
        if (writeDeadline != 0 && now - writeDeadline >= 0) {
            shared.counters.writeTimeouts.increment();
            shared.timeouts.log(Level.INFO, () -> "closed the connection from " + ctx.channel().remoteAddress()
                    + ": no complete response within write_timeout (" + shared.counters.writeTimeouts() + " so far)");
            ctx.close();
            return;
        }
        if (idleDeadline != 0 && now - idleDeadline >= 0) {
            ctx.close(); // an unused keep-alive connection, as Go's idle timeout: nothing to report
            return;
        }
        long next = earliest(earliest(headDeadline, bodyDeadline), earliest(writeDeadline, idleDeadline));
        if (stopping && pending == 0 && !reading) {
            long at = unusedUntil();
            if (now - at >= 0) {
                ctx.close();
                return;
            }
            if (next == 0 || at - next < 0) next = at;
        }
        if (next != 0) arm(next);
    }

    /** The earlier of two deadlines, where 0 means none. */
    private static long earliest(long a, long b) {
        if (a == 0) return b;
        if (b == 0) return a;
        return b - a < 0 ? b : a;
    }

    private void timedOut(String what) {
        shared.counters.readTimeouts.increment();
        shared.timeouts.log(Level.INFO, () -> "closed the connection from " + ctx.channel().remoteAddress() + ": "
                + what + " (" + shared.counters.readTimeouts() + " so far)");
        ctx.close();
    }
}
