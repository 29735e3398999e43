package dev.kgw.telemetry.logging;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The line KrakenD sends to a local syslog socket: Go's log/syslog wraps krakend-gologging's {@code LEVEL > message}
 * as {@code <PRI>Jan _2 15:04:05 TAG[PID]: LEVEL > message} plus a newline, in local time and without a hostname
 * (the daemon adds its own).
 */
final class SyslogFormat extends Formatter {
    /** Go's log/syslog tags lines with the program name when the prefix is empty; KrakenD's binary is krakend. */
    static final String DEFAULT_TAG = "krakend";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.US);

    private final String head;
    private final String tag;
    private final ZoneId zone;

    SyslogFormat(SyslogPriority priority, String tag, long pid, ZoneId zone) {
        this.head = "<" + priority.value() + ">";
        this.tag = " " + (tag.isEmpty() ? DEFAULT_TAG : tag) + "[" + pid + "]: ";
        this.zone = zone;
    }

    @Override
    public String format(LogRecord r) {
        String message = formatMessage(r);
        return head + STAMP.format(r.getInstant().atZone(zone)) + tag + LogSetup.levelName(r.getLevel()) + " > "
                + message + (message.endsWith("\n") ? "" : "\n");
    }
}
