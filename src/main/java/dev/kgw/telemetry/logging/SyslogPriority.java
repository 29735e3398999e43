package dev.kgw.telemetry.logging;

import java.util.Locale;
import java.util.logging.Level;

/**
 * The syslog facility and severity of the gateway's lines. As in KrakenD, every line carries the severity of the
 * configured level rather than its own: krakend-gologging opens one syslog writer with a fixed priority and writes
 * every record through it, so a daemon filtering on severity sees what KrakenD would send.
 */
public record SyslogPriority(int facility, int severity) {
    /** KrakenD's default facility; its packages ship an rsyslog rule {@code local3.* /var/log/krakend.log}. */
    public static final int LOCAL3 = 19;

    public SyslogPriority {
        if (facility < 0 || facility > 23) throw new IllegalArgumentException("facility " + facility);
        if (severity < 0 || severity > 7) throw new IllegalArgumentException("severity " + severity);
    }

    /** The PRI number at the head of each line. */
    public int value() { return facility * 8 + severity; }

    /**
     * {@code local0}..{@code local7} in any case, the only names KrakenD knows (its runtime lower-cases the name; its
     * schema allows just these). Null for anything else: KrakenD would silently use local3, which hides a typo.
     */
    static Integer facility(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() == 6 && n.startsWith("local") && n.charAt(5) >= '0' && n.charAt(5) <= '7') {
            return 16 + (n.charAt(5) - '0');
        }
        return null;
    }

    /** The severity KrakenD derives from a configured level name; unknown names get LOG_CRIT as in krakend-gologging. */
    static int severity(String level) {
        return switch (level.toUpperCase(Locale.ROOT)) {
            case "DEBUG" -> 7;
            case "INFO" -> 6;
            case "WARNING", "WARN" -> 4;
            case "ERROR" -> 3;
            default -> 2;
        };
    }

    /** For options built from a JDK level, where CRITICAL and ERROR are both SEVERE: ERROR is the likelier intent. */
    static int severity(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) return 3;
        if (level.intValue() >= Level.WARNING.intValue()) return 4;
        if (level.intValue() >= Level.INFO.intValue()) return 6;
        return 7;
    }
}
