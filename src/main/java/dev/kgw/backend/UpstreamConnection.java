package dev.kgw.backend;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * One backend connection, the last handler of its pipeline: it hands what the codec decodes to the exchange it
 * carries, and while it waits in its pool, it only listens for the backend closing it (anything else read there
 * is a protocol error, and the connection is closed).
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {
    final String key;
    Channel channel;
    /** Completes when the connection is established (or not). */
    ChannelFuture connected;
    /** The exchange it carries, or null while idle (or once closed). */
    NettyExchange exchange;
    /** {@link System#nanoTime()} at which it was last put back in its pool. */
    long idleSince;

    UpstreamConnection(String key) {
        this.key = key;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) { channel = ctx.channel(); }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        NettyExchange ex = exchange;
        if (ex == null || !(msg instanceof HttpObject o)) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        ex.onMessage(o);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        NettyExchange ex = exchange;
        if (ex != null && ctx.channel().isWritable()) ex.onWritable();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        NettyExchange ex = exchange;
        if (ex != null) ex.onClosed(null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        NettyExchange ex = exchange;
        ctx.close();
        if (ex != null) ex.onClosed(cause);
    }

    void close() {
        exchange = null;
        channel.close();
    }
}
