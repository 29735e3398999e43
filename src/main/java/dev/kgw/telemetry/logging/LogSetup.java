package dev.kgw.telemetry.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Points the JDK's logging at one line-per-record handler, KrakenD style
 * ({@code 2026/01/02 15:04:05 [KRAKEND] INFO: message}) or logstash JSON, and with {@code syslog} at the local
 * syslog daemon. Records below the level are dropped by the logger's level check before any formatting, so quiet
 * levels cost nothing on the request path.
 */
public final class LogSetup {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private LogSetup() {}

    public static void apply(LoggingOptions o) { apply(o, SyslogSockets.LOCAL); }

    static void apply(LoggingOptions o, List<Path> syslogPaths) {
        Outputs out = outputs(o, syslogPaths);
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            if (h instanceof SyslogHandler) h.close(); // its thread and socket; console streams stay open
        }
        out.handlers().forEach(root::addHandler);
        root.setLevel(o.level());
        // the libraries' own chatter stays at INFO and above, whatever the gateway's level
        Logger.getLogger("io.netty").setLevel(o.level().intValue() < Level.INFO.intValue() ? Level.INFO : o.level());
        Logger.getLogger("io.vertx").setLevel(o.level().intValue() < Level.INFO.intValue() ? Level.INFO : o.level());
        Logger log = Logger.getLogger(LogSetup.class.getName());
        if (out.syslogProblem() != null) {
            log.warning("syslog is unavailable, logging to stdout instead: " + out.syslogProblem());
        }
        out.handlers().stream().filter(h -> h instanceof SyslogHandler)
                .forEach(h -> log.fine("syslog: writing to " + ((SyslogHandler) h).target()));
    }

    /** What {@link #apply} installs, and why syslog is missing from it if it is. */
    record Outputs(List<Handler> handlers, String syslogProblem) {}

    /** The handlers for these options, chosen without touching the JVM's loggers. */
    static Outputs outputs(LoggingOptions o, List<Path> syslogPaths) {
        List<Handler> handlers = new ArrayList<>();
        String problem = null;
        if (o.syslog()) {
            try {
                handlers.add(new SyslogHandler(syslogPaths, o.syslogPriority(), o.prefix(),
                        ProcessHandle.current().pid(), ZoneId.systemDefault()));
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        if (!o.syslog()) handlers.add(console(o, o.stdout()));
        else if (o.stdout() || problem != null) handlers.add(console(o, true)); // KrakenD too falls back to stdout
        for (Handler h : handlers) h.setLevel(o.level());
        return new Outputs(List.copyOf(handlers), problem);
    }

    private static Console console(LoggingOptions o, boolean stdout) {
        return new Console(stdout, o.format() == LoggingOptions.Format.LOGSTASH
                ? new Logstash(o.prefix()) : new Line(o.prefix()));
    }

    /** Lines on standard output or standard error. */
    static final class Console extends StreamHandler {
        final boolean stdout;

        Console(boolean stdout, Formatter format) {
            super(stdout ? System.out : System.err, format);
            this.stdout = stdout;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush(); // one line at a time: a crash must not lose the last lines
        }
    }

    static String levelName(Level l) {
        if (l == Level.SEVERE) return "ERROR";
        if (l == Level.WARNING) return "WARNING";
        if (l.intValue() <= Level.FINE.intValue()) return "DEBUG";
        return "INFO";
    }

    private static final class Line extends Formatter {
        private final String prefix;

        Line(String prefix) { this.prefix = prefix.isEmpty() ? "" : prefix + " "; }

        @Override
        public String format(LogRecord r) {
            return LocalDateTime.now().format(TIME) + " " + prefix + levelName(r.getLevel()) + ": " + formatMessage(r)
                    + "\n";
        }
    }

    private static final class Logstash extends Formatter {
        private final String prefix;

        Logstash(String prefix) { this.prefix = prefix; }

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(128).append("{\"@timestamp\":\"")
                    .append(Instant.ofEpochMilli(r.getMillis()).atOffset(ZoneOffset.UTC)).append("\",\"@version\":1,")
                    .append("\"level\":\"").append(levelName(r.getLevel())).append("\",");
            if (!prefix.isEmpty()) sb.append("\"module\":\"").append(escape(prefix)).append("\",");
            return sb.append("\"message\":\"").append(escape(formatMessage(r))).append("\"}\n").toString();
        }

        private static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length() + 8);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                    }
                }
            }
            return out.toString();
        }
    }
}
