package dev.kgw.telemetry.logging;

import dev.kgw.router.Exchange;
import dev.kgw.router.RequestObserver;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * gin's access log line, one per answered request, at INFO: so at WARNING and above the router does not even
 * install it ({@link #enabled}), and the request path pays nothing.
 */
public final class AccessLog implements RequestObserver {
    private static final Logger LOG = Logger.getLogger("access");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd - HH:mm:ss");

    private final Set<String> skipPaths;

    public AccessLog(Set<String> skipPaths) { this.skipPaths = skipPaths; }

    /** Whether an access log at this level would print anything at all. */
    public static boolean enabled(LoggingOptions o, boolean disabledByRouter) {
        return !disabledByRouter && o.level().intValue() <= Level.INFO.intValue();
    }

    @Override
    public void onResponse(Exchange ex, String route, int status, long durationNanos) {
        if (skipPaths.contains(ex.path())) return;
        LOG.info(String.format("[GIN] %s | %3d | %12s | %15s | %-7s \"%s\"", LocalDateTime.now().format(TIME), status,
                duration(durationNanos), ex.remoteAddress(), ex.method(), ex.path()));
    }

    private static String duration(long nanos) {
        if (nanos < 1_000_000) return String.format("%.3fµs", nanos / 1e3);
        if (nanos < 1_000_000_000L) return String.format("%.3fms", nanos / 1e6);
        return String.format("%.3fs", nanos / 1e9);
    }
}
