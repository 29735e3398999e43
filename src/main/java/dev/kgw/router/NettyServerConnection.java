package dev.kgw.router;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * One HTTP/1.x client connection of the node's own server: turns the decoder's messages into
 * {@link NettyServerRequest}s for the {@link Router}, one at a time. A pipelined request waits, with reading
 * stopped, until the answer before it has ended and that request's body has been read, so answers go out in
 * order and a client cannot queue more than one read's worth. Everything the router runs for this connection
 * runs on the connection's event loop inside its Vert.x context, so futures, timers and the upstream client's
 * per-loop pools behave as under Vert.x's own server. Bounds, timeouts and draining are the
 * {@link ConnectionGuard}'s, in front of this handler.
 */
final class NettyServerConnection extends ChannelInboundHandlerAdapter {
    private final Router router;
    private final ContextInternal context;
    private final ConnectionErrors errors;
    private Channel channel;
    private SocketAddress remote;
    /** The request being answered, or read, or both; null between requests. */
    private NettyServerRequest current;
    /** Messages of pipelined requests behind {@link #current}, or null. */
    private ArrayDeque<Object> queued;
    private boolean closing;
    /** {@link #next} is handing out queued messages. */
    private boolean replaying;

    NettyServerConnection(Router router, ContextInternal context, ConnectionErrors errors) {
        this.router = router;
        this.context = context;
        this.errors = errors;
    }

    ContextInternal context() { return context; }

    Channel channel() { return channel; }

    SocketAddress remoteAddress() {
        if (remote == null && channel.remoteAddress() instanceof InetSocketAddress a) {
            remote = SocketAddress.inetSocketAddress(a);
        }
        return remote;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) { this.channel = ctx.channel(); }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null && (queued != null && !queued.isEmpty() || msg instanceof HttpRequest)) {
            if (queued == null) queued = new ArrayDeque<>(4);
            queued.add(msg);
            readingChanged();
            return;
        }
        ContextInternal previous = context.beginDispatch();
        try {
            handle(msg);
        } finally {
            context.endDispatch(previous);
        }
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest head) {
            DecoderResult result = head.decoderResult();
            if (result.isFailure()) {
                ReferenceCountUtil.release(msg);
                malformed(result.cause());
                return;
            }
            NettyServerRequest req = new NettyServerRequest(this, head);
            current = req;
            if (HttpUtil.is100ContinueExpected(head)) {
                channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
            router.handle(req);
            if (msg instanceof HttpContent c) content(c); // a head that came with its body (never from the decoder)
            return;
        }
        if (msg instanceof HttpContent c) {
            if (current == null || c.decoderResult().isFailure()) {
                c.release();
                if (c.decoderResult().isFailure()) malformed(c.decoderResult().cause());
                return;
            }
            content(c);
            return;
        }
        ReferenceCountUtil.release(msg);
    }

    private void content(HttpContent c) {
        NettyServerRequest req = current;
        boolean last = c instanceof LastHttpContent;
        req.content(c.content(), last);
        if (last && req.response().ended()) next();
    }

    /** What Go's server and Vert.x answer to a head the decoder refused; the connection closes after it. */
    private void malformed(Throwable cause) {
        HttpResponseStatus status = cause instanceof TooLongHttpHeaderException
                ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongFrameException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        errors.log(this::remoteAddress, cause);
        closing = true;
        DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0).set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        channel.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    /** Called by the response once it has ended (its bytes are on their way). */
    void responseEnded(NettyServerRequest req) {
        if (req != current) return;
        if (!req.response().keepAlive()) {
            closing = true;
            return;
        }
        if (req.isEnded()) next();
        else req.discardRest();
    }

    /**
     * The request in hand is answered and read: the next ones, if they are already here, as long as each is
     * answered at once (a 404, a cached answer). A loop, not recursion: a client may pipeline a read's worth of
     * requests, and each answered one comes back here.
     */
    private void next() {
        current = null;
        if (replaying) return; // the loop below goes on
        replaying = true;
        try {
            while (queued != null && !queued.isEmpty() && !closing) {
                if (current != null && queued.peek() instanceof HttpRequest) break; // waits for the one in hand
                handle(queued.poll());
            }
        } finally {
            replaying = false;
        }
        readingChanged();
    }

    /** Reads the socket unless a pipelined request waits or the request in hand is paused. */
    void readingChanged() {
        boolean hold = queued != null && !queued.isEmpty() || current != null && current.holdsReading();
        if (channel.config().isAutoRead() == hold) channel.config().setAutoRead(!hold); // true reads at once
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        NettyServerRequest req = current;
        if (req != null) {
            ContextInternal previous = context.beginDispatch();
            try {
                req.response().writabilityChanged();
            } finally {
                context.endDispatch(previous);
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (queued != null) {
            queued.forEach(ReferenceCountUtil::release);
            queued = null;
        }
        NettyServerRequest req = current;
        current = null;
        if (req != null) {
            ContextInternal previous = context.beginDispatch();
            try {
                req.closed();
                req.response().connectionClosed();
            } finally {
                context.endDispatch(previous);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        errors.log(this::remoteAddress, cause);
        ctx.close();
    }
}
