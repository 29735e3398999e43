package dev.kgw.telemetry.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kgw.telemetry.logging.SyslogDaemons.Daemon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogHandlerTest {
    private static final long PID = 4242;

    @TempDir
    Path dir;

    private SyslogHandler handler(Path socket, int facility, int severity, String tag) throws IOException {
        return new SyslogHandler(List.of(dir.resolve("absent"), socket), new SyslogPriority(facility, severity), tag,
                PID, ZoneOffset.UTC);
    }

    private static LogRecord record(Level level, String message, String instant, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setInstant(Instant.parse(instant));
        if (params.length > 0) r.setParameters(params);
        return r;
    }

    @Test
    void datagramPerLineWithPriorityTagAndPid() throws Exception {
        assumeTrue(SyslogDaemons.datagramsAvailable(), "no native epoll: no unix datagrams to test with");
        Path socket = dir.resolve("dgram.sock");
        try (Daemon daemon = SyslogDaemons.datagram(socket)) {
            SyslogHandler local3Info = handler(socket, SyslogPriority.LOCAL3, 6, "[KRAKEND]");
            try {
                assertTrue(local3Info.target().startsWith("unix datagram socket "), local3Info.target());
                local3Info.publish(record(Level.INFO, "hello {0}", "2026-01-02T15:04:05Z", "world"));
                local3Info.publish(record(Level.SEVERE, "already ended\n", "2026-11-22T01:02:03Z"));
                assertEquals("<158>Jan  2 15:04:05 [KRAKEND][4242]: INFO > hello world\n", daemon.next());
                assertEquals("<158>Nov 22 01:02:03 [KRAKEND][4242]: ERROR > already ended\n", daemon.next());
            } finally {
                local3Info.close();
            }
            SyslogHandler local0Error = handler(socket, 16, 3, "");
            try {
                local0Error.publish(record(Level.WARNING, "slow backend", "2026-03-09T08:07:06Z"));
                assertEquals("<131>Mar  9 08:07:06 krakend[4242]: WARNING > slow backend\n", daemon.next());
            } finally {
                local0Error.close();
            }
        }
    }

    @Test
    void streamLinesEndedByNewline() throws Exception {
        Path socket = dir.resolve("stream.sock");
        try (Daemon daemon = SyslogDaemons.stream(socket); SyslogHandler h = handler(socket, 23, 7, "gw")) {
            assertTrue(h.target().startsWith("unix stream socket "), h.target());
            h.publish(record(Level.FINE, "first", "2026-12-31T23:59:59Z"));
            h.publish(record(Level.INFO, "second", "2026-12-31T23:59:59Z"));
            assertEquals("<191>Dec 31 23:59:59 gw[4242]: DEBUG > first\n", daemon.next());
            assertEquals("<191>Dec 31 23:59:59 gw[4242]: INFO > second\n", daemon.next());
        }
    }

    @Test
    void belowTheHandlersLevelNothingIsSent() throws Exception {
        Path socket = dir.resolve("level.sock");
        try (Daemon daemon = SyslogDaemons.stream(socket); SyslogHandler h = handler(socket, 19, 4, "gw")) {
            h.setLevel(Level.WARNING);
            h.publish(record(Level.INFO, "quiet", "2026-01-02T15:04:05Z"));
            h.publish(record(Level.WARNING, "loud", "2026-01-02T15:04:05Z"));
            assertEquals("<156>Jan  2 15:04:05 gw[4242]: WARNING > loud\n", daemon.next());
        }
    }

    @Test
    void reconnectsWhenTheDaemonRestarts() throws Exception {
        assumeTrue(SyslogDaemons.datagramsAvailable(), "no native epoll: no unix datagrams to test with");
        assertReconnects(dir.resolve("restart.sock"), SyslogDaemons::datagram);
    }

    @Test
    void streamDaemonRestartToo() throws Exception {
        assertReconnects(dir.resolve("restart-stream.sock"), SyslogDaemons::stream);
    }

    private interface DaemonStart {
        Daemon at(Path socket) throws Exception;
    }

    private void assertReconnects(Path socket, DaemonStart start) throws Exception {
        SyslogHandler h;
        try (Daemon first = start.at(socket)) {
            h = handler(socket, 19, 6, "gw");
            h.publish(record(Level.INFO, "before", "2026-01-02T15:04:05Z"));
            assertEquals("<158>Jan  2 15:04:05 gw[4242]: INFO > before\n", first.next());
        }
        try (Daemon second = start.at(socket); h) {
            h.publish(record(Level.INFO, "after", "2026-01-02T15:04:06Z"));
            assertEquals("<158>Jan  2 15:04:06 gw[4242]: INFO > after\n", second.next());
        }
    }

    @Test
    void withoutAnySocketItRefusesToStart() {
        IOException e = assertThrows(IOException.class, () -> handler(dir.resolve("none.sock"), 19, 6, "gw"));
        assertTrue(e.getMessage().contains("none.sock"), e.getMessage());
    }

    @Test
    void aFileThatIsNotASocketIsReported() throws Exception {
        Path notSocket = java.nio.file.Files.createFile(dir.resolve("plain"));
        IOException e = assertThrows(IOException.class, () -> handler(notSocket, 19, 6, "gw"));
        assertTrue(e.getMessage().contains("no syslog daemon answered"), e.getMessage());
    }

    @Test
    void closeDrainsWhatIsQueued() throws Exception {
        Path socket = dir.resolve("closed.sock");
        try (Daemon daemon = SyslogDaemons.stream(socket)) {
            SyslogHandler h = handler(socket, 19, 6, "gw");
            h.publish(record(Level.INFO, "last", "2026-01-02T15:04:05Z"));
            h.close();
            h.publish(record(Level.INFO, "too late", "2026-01-02T15:04:05Z")); // ignored, and no exception
            assertEquals("<158>Jan  2 15:04:05 gw[4242]: INFO > last\n", daemon.next());
        }
    }
}
