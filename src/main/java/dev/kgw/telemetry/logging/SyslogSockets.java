package dev.kgw.telemetry.logging;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the local syslog daemon as Go's log/syslog does for KrakenD: a datagram socket on each usual path first,
 * then a stream socket on each.
 */
final class SyslogSockets implements Closeable {
    /** Where Linux (/dev/log), macOS (/var/run/syslog) and the BSDs (/var/run/log) put the daemon's socket. */
    static final List<Path> LOCAL = List.of(Path.of("/dev/log"), Path.of("/var/run/syslog"), Path.of("/var/run/log"));

    private final List<Path> paths;
    private UnixDatagrams datagrams;

    SyslogSockets(List<Path> paths) { this.paths = List.copyOf(paths); }

    /** Called by one thread at a time: start-up, then the handler's writer thread. */
    SyslogConnection connect() throws IOException {
        List<Path> present = paths.stream().filter(Files::exists).toList();
        if (present.isEmpty()) throw new IOException("no syslog socket at " + join(paths));
        List<String> failures = new ArrayList<>();
        for (Path p : present) {
            try {
                return datagrams().connect(p);
            } catch (IOException e) {
                failures.add(p + " (datagram: " + e.getMessage() + ")");
            }
        }
        for (Path p : present) {
            try {
                return UnixStreamConnection.connect(p);
            } catch (IOException e) {
                failures.add(p + " (stream: " + e.getMessage() + ")");
            }
        }
        throw new IOException("no syslog daemon answered on " + String.join(", ", failures));
    }

    private synchronized UnixDatagrams datagrams() {
        if (datagrams == null) datagrams = new UnixDatagrams(); // loads the native transport only when needed
        return datagrams;
    }

    @Override
    public synchronized void close() {
        if (datagrams != null) datagrams.close();
    }

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }
}
