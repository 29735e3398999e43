package dev.kgw.telemetry.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.telemetry.logging.SyslogDaemons.Daemon;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which handlers each combination of {@code stdout} and {@code syslog} gets; the JVM's own loggers stay untouched. */
class LogSetupTest {
    @TempDir
    Path dir;

    private static LoggingOptions options(boolean stdout, boolean syslog) {
        return new LoggingOptions(Level.INFO, "[KRAKEND]", stdout, syslog, LoggingOptions.Format.DEFAULT,
                new SyslogPriority(SyslogPriority.LOCAL3, 6));
    }

    private static void closeSyslog(List<Handler> handlers) {
        handlers.stream().filter(h -> h instanceof SyslogHandler).forEach(Handler::close);
    }

    @Test
    void withoutSyslogOneConsoleAsBefore() {
        LogSetup.Outputs toStderr = LogSetup.outputs(options(false, false), List.of(dir.resolve("unused")));
        assertEquals(1, toStderr.handlers().size());
        assertFalse(assertInstanceOf(LogSetup.Console.class, toStderr.handlers().get(0)).stdout);
        assertNull(toStderr.syslogProblem());
        LogSetup.Outputs toStdout = LogSetup.outputs(options(true, false), List.of(dir.resolve("unused")));
        assertTrue(assertInstanceOf(LogSetup.Console.class, toStdout.handlers().get(0)).stdout);
    }

    @Test
    void syslogAloneWhenStdoutIsOff() throws Exception {
        Path socket = dir.resolve("log.sock");
        try (Daemon daemon = SyslogDaemons.stream(socket)) {
            LogSetup.Outputs out = LogSetup.outputs(options(false, true), List.of(socket));
            try {
                assertEquals(1, out.handlers().size(), out.handlers().toString());
                Handler syslog = assertInstanceOf(SyslogHandler.class, out.handlers().get(0));
                assertNull(out.syslogProblem());
                assertEquals(Level.INFO, syslog.getLevel());
                syslog.publish(new LogRecord(Level.INFO, "up"));
                String line = daemon.next();
                assertTrue(line.startsWith("<158>") && line.endsWith(" [KRAKEND][" + ProcessHandle.current().pid()
                        + "]: INFO > up\n"), line);
            } finally {
                closeSyslog(out.handlers());
            }
        }
    }

    @Test
    void syslogAndStdoutTogether() throws Exception {
        Path socket = dir.resolve("log.sock");
        try (Daemon daemon = SyslogDaemons.stream(socket)) {
            LogSetup.Outputs out = LogSetup.outputs(options(true, true), List.of(socket));
            try {
                assertEquals(2, out.handlers().size(), out.handlers().toString());
                assertInstanceOf(SyslogHandler.class, out.handlers().get(0));
                assertTrue(assertInstanceOf(LogSetup.Console.class, out.handlers().get(1)).stdout);
            } finally {
                closeSyslog(out.handlers());
            }
        }
    }

    @Test
    void noSyslogDaemonFallsBackToStdoutWithTheReason() {
        LogSetup.Outputs out = LogSetup.outputs(options(false, true), List.of(dir.resolve("missing.sock")));
        assertEquals(1, out.handlers().size());
        assertTrue(assertInstanceOf(LogSetup.Console.class, out.handlers().get(0)).stdout);
        assertTrue(out.syslogProblem().contains("missing.sock"), out.syslogProblem());
    }
}
