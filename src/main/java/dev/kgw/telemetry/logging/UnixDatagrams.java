package dev.kgw.telemetry.logging;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Unix datagram sockets, through Netty's native epoll transport: Java 17 has unix stream sockets but no unix
 * datagram ones, and the usual /dev/log (journald's, rsyslog's) only takes datagrams. The epoll classes are a
 * runtime-only dependency, absent or unusable off Linux x86-64, hence the reflective look-ups. The one I/O thread is
 * started by the first connection, so a gateway without syslog, or with a stream socket, never pays for it.
 */
final class UnixDatagrams implements Closeable {
    private static final long CONNECT_MILLIS = 1000;

    private final String unavailable;
    private final Class<? extends Channel> channelType;
    private final IoHandlerFactory ioHandlers;
    private EventLoopGroup group;

    UnixDatagrams() {
        String why = null;
        Class<? extends Channel> type = null;
        IoHandlerFactory factory = null;
        try {
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            if (Boolean.TRUE.equals(epoll.getMethod("isAvailable").invoke(null))) {
                type = Class.forName("io.netty.channel.epoll.EpollDomainDatagramChannel").asSubclass(Channel.class);
                factory = (IoHandlerFactory) Class.forName("io.netty.channel.epoll.EpollIoHandler")
                        .getMethod("newFactory").invoke(null);
            } else {
                Object cause = epoll.getMethod("unavailabilityCause").invoke(null);
                why = "Netty's native epoll transport is unavailable"
                        + (cause instanceof Throwable t ? " (" + t.getMessage() + ")" : "");
            }
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            why = "Netty's native epoll transport is missing (" + e + ")";
        }
        this.unavailable = why;
        this.channelType = type;
        this.ioHandlers = factory;
    }

    /** Why unix datagrams cannot be sent here, or null when they can. */
    String unavailable() { return unavailable; }

    synchronized SyslogConnection connect(Path path) throws IOException {
        if (unavailable != null) throw new IOException(unavailable);
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kgw-syslog-io", true), ioHandlers);
        }
        ChannelFuture f = new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.AUTO_READ, false) // the daemon never answers
                .handler(new ChannelInboundHandlerAdapter())
                .connect(new DomainSocketAddress(path.toString()));
        if (!f.awaitUninterruptibly(CONNECT_MILLIS, TimeUnit.MILLISECONDS)) {
            f.channel().close();
            throw new IOException("timed out connecting to " + path);
        }
        if (!f.isSuccess()) {
            f.channel().close();
            throw new IOException(String.valueOf(f.cause().getMessage()), f.cause());
        }
        return new UnixDatagramConnection(path, f.channel());
    }

    @Override
    public synchronized void close() {
        if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        group = null;
    }
}
