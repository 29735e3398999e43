package dev.kgw.telemetry.logging;

import java.util.logging.Level;

/** {@code telemetry/logging}: where log lines go and how they look. */
public record LoggingOptions(Level level, String prefix, boolean stdout, boolean syslog, Format format) {
    public enum Format { DEFAULT, LOGSTASH }

    /** Without the namespace: INFO on standard error, KrakenD's line format. */
    public static final LoggingOptions DEFAULT = new LoggingOptions(Level.INFO, "", false, false, Format.DEFAULT);

    /** KrakenD's level names. */
    static Level level(String name) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "DEBUG" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "WARNING", "WARN" -> Level.WARNING;
            case "ERROR", "CRITICAL" -> Level.SEVERE;
            default -> null;
        };
    }
}
