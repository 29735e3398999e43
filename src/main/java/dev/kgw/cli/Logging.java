package dev.kgw.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One-line log records on stderr, KrakenD style: {@code 2026/01/02 15:04:05 KRAKEND INFO: message}. */
final class Logging {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private Logging() {}

    static void configure(boolean debug) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) root.removeHandler(h);
        ConsoleHandler h = new ConsoleHandler();
        Level level = debug ? Level.FINE : Level.INFO;
        h.setLevel(level);
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String lvl = r.getLevel() == Level.SEVERE ? "ERROR" : r.getLevel() == Level.WARNING ? "WARNING"
                        : r.getLevel().intValue() <= Level.FINE.intValue() ? "DEBUG" : "INFO";
                return LocalDateTime.now().format(TIME) + " KRAKEND " + lvl + ": " + formatMessage(r) + "\n";
            }
        });
        root.addHandler(h);
        root.setLevel(level);
        Logger.getLogger("io.netty").setLevel(Level.INFO);
        Logger.getLogger("io.vertx").setLevel(Level.INFO);
    }
}
