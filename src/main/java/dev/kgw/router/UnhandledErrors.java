package dev.kgw.router;

import dev.kgw.log.RateLimitedLog;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a handler threw that nothing caught (Vert.x's own line is a bare {@code Unhandled exception} with a stack
 * trace): the exception, where it was thrown and on which event loop, rate-limited so that a bug hit by every
 * request costs one line per 10 s; the stack trace at FINE.
 */
public final class UnhandledErrors {
    private static final Logger LOG = Logger.getLogger(UnhandledErrors.class.getName());
    private final RateLimitedLog log = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    public void log(Throwable t) {
        log.log(Level.SEVERE, () -> {
            StackTraceElement[] frames = t.getStackTrace();
            return "unhandled exception on " + Thread.currentThread().getName() + ": " + ConnectionErrors.describe(t)
                    + (frames.length > 0 ? " at " + frames[0] : "");
        }, t);
    }
}
