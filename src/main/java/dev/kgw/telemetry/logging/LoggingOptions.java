package dev.kgw.telemetry.logging;

import java.util.logging.Level;

/** {@code telemetry/logging}: where log lines go and how they look. */
public record LoggingOptions(Level level, String prefix, boolean stdout, boolean syslog, Format format,
                             SyslogPriority syslogPriority) {
    public enum Format { DEFAULT, LOGSTASH }

    /** Without the namespace: INFO on standard error, KrakenD's line format. */
    public static final LoggingOptions DEFAULT = new LoggingOptions(Level.INFO, "", false, false, Format.DEFAULT);

    /** Syslog, if enabled, on KrakenD's default facility local3. */
    public LoggingOptions(Level level, String prefix, boolean stdout, boolean syslog, Format format) {
        this(level, prefix, stdout, syslog, format,
                new SyslogPriority(SyslogPriority.LOCAL3, SyslogPriority.severity(level)));
    }

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
