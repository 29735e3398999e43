package dev.kgw.telemetry.logging;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Stand-ins for a syslog daemon on a unix socket, which hand back what they received, one message at a time. */
final class SyslogDaemons {
    /** Long enough for a loaded CI machine, short enough that a lost line fails the test instead of hanging it. */
    static final long WAIT_MILLIS = 5000;

    private SyslogDaemons() {}

    interface Daemon extends AutoCloseable {
        /** The next message, exactly as received; fails the test when none comes in time. */
        String next() throws Exception;

        @Override
        void close() throws Exception;
    }

    static boolean datagramsAvailable() { return Epoll.isAvailable(); }

    /** A datagram socket, like journald's or rsyslog's /dev/log: each datagram is one message. */
    static Daemon datagram(Path path) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Channel channel;
        try {
            channel = new Bootstrap().group(group).channel(EpollDomainDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DomainDatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DomainDatagramPacket packet) {
                            received.add(packet.content().toString(StandardCharsets.UTF_8));
                        }
                    })
                    .bind(new DomainSocketAddress(path.toString())).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
        return new Daemon() {
            @Override
            public String next() throws InterruptedException {
                String message = received.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                assertNotNull(message, "no datagram within " + WAIT_MILLIS + "ms");
                return message;
            }

            @Override
            public void close() throws Exception {
                channel.close().sync();
                group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
                Files.deleteIfExists(path);
            }
        };
    }

    /** A stream socket: messages follow one another, each ended by a newline. */
    static Daemon stream(Path path) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        server.configureBlocking(false);
        Selector selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        return new Daemon() {
            private SocketChannel client;
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public String next() throws IOException {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                ByteBuffer buf = ByteBuffer.allocate(4096);
                while (true) {
                    byte[] sofar = pending.toByteArray();
                    for (int i = 0; i < sofar.length; i++) {
                        if (sofar[i] == '\n') {
                            pending.reset();
                            pending.write(sofar, i + 1, sofar.length - i - 1);
                            return new String(sofar, 0, i + 1, StandardCharsets.UTF_8);
                        }
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) fail("no complete line within " + WAIT_MILLIS + "ms, got '" + pending + "'");
                    selector.select(left);
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (key.isAcceptable()) {
                            client = server.accept();
                            if (client == null) continue;
                            client.configureBlocking(false);
                            client.register(selector, SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buf.clear();
                            if (((SocketChannel) key.channel()).read(buf) < 0) key.cancel();
                            pending.write(buf.array(), 0, buf.position());
                        }
                    }
                    selector.selectedKeys().clear();
                }
            }

            @Override
            public void close() throws IOException {
                if (client != null) client.close();
                selector.close();
                server.close();
                Files.deleteIfExists(path);
            }
        };
    }
}
