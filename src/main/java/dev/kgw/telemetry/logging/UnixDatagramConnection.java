package dev.kgw.telemetry.logging;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A connected unix datagram socket to the daemon: one datagram per line, as Go's log/syslog sends them. */
final class UnixDatagramConnection implements SyslogConnection {
    /** A daemon that lets its socket buffer fill up stalls only the syslog writer thread, and only this long. */
    private static final long SEND_MILLIS = 1000;

    private final Path path;
    private final Channel channel;

    UnixDatagramConnection(Path path, Channel channel) {
        this.path = path;
        this.channel = channel;
    }

    @Override
    public void send(byte[] line) throws IOException {
        ChannelFuture f = channel.writeAndFlush(Unpooled.wrappedBuffer(line));
        try {
            if (!f.await(SEND_MILLIS, TimeUnit.MILLISECONDS)) {
                channel.close(); // drops what is still queued: a reconnection starts afresh
                throw new IOException("the daemon did not take a line within " + SEND_MILLIS + "ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while sending to " + path);
        }
        if (!f.isSuccess()) throw new IOException(String.valueOf(f.cause().getMessage()), f.cause());
    }

    @Override public String describe() { return "unix datagram socket " + path; }

    @Override
    public void close() { channel.close(); }
}
