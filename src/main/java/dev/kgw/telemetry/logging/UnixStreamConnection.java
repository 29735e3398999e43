package dev.kgw.telemetry.logging;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A unix stream socket to the daemon. Lines follow one another on the stream, each ended by its newline: the
 * framing Go's log/syslog uses on local stream sockets, which syslog daemons split on.
 */
final class UnixStreamConnection implements SyslogConnection {
    private final Path path;
    private final SocketChannel channel;

    private UnixStreamConnection(Path path, SocketChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static UnixStreamConnection connect(Path path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(path));
            return new UnixStreamConnection(path, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void send(byte[] line) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) channel.write(buf);
    }

    @Override public String describe() { return "unix stream socket " + path; }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket we are dropping
        }
    }
}
