package dev.kgw.telemetry.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Points the JDK's logging at one line-per-record handler, KrakenD style
 * ({@code 2026/01/02 15:04:05 [KRAKEND] INFO: message}) or logstash JSON. Records below the level are dropped
 * by the logger's level check before any formatting, so quiet levels cost nothing on the request path.
 */
public final class LogSetup {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private LogSetup() {}

    public static void apply(LoggingOptions o) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        PrintStream target = o.stdout() ? System.out : System.err;
        Handler h = new StreamHandler(target, o.format() == LoggingOptions.Format.LOGSTASH
                ? new Logstash(o.prefix()) : new Line(o.prefix())) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush(); // one line at a time: a crash must not lose the last lines
            }
        };
        h.setLevel(o.level());
        root.addHandler(h);
        root.setLevel(o.level());
        // the libraries' own chatter stays at INFO and above, whatever the gateway's level
        Logger.getLogger("io.netty").setLevel(o.level().intValue() < Level.INFO.intValue() ? Level.INFO : o.level());
        Logger.getLogger("io.vertx").setLevel(o.level().intValue() < Level.INFO.intValue() ? Level.INFO : o.level());
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
