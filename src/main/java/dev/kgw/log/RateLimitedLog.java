package dev.kgw.log;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One kind of log line that may repeat thousands of times a second (a client flood, a dead backend): at most one
 * line per interval, the next one saying how many were left out. One instance per kind of line; thread-safe, and
 * nothing is built for a line that is left out.
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier clock;
    /** The clock value from which the next line may be written. */
    private final AtomicLong next;
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger logger, Duration interval) {
        this(logger, interval, System::nanoTime);
    }

    RateLimitedLog(Logger logger, Duration interval, LongSupplier clock) {
        this.logger = logger;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.next = new AtomicLong(clock.getAsLong());
    }

    public void log(Level level, Supplier<String> message) { log(level, message, null); }

    /** @param thrown logged with its stack trace only when the logger is at FINE or finer */
    public void log(Level level, Supplier<String> message, Throwable thrown) {
        if (!logger.isLoggable(level)) return;
        long now = clock.getAsLong();
        long allowed = next.get();
        if (now - allowed < 0 || !next.compareAndSet(allowed, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        String text = message.get();
        if (left > 0) text += " (and " + left + " more like this since the previous one)";
        if (thrown != null && logger.isLoggable(Level.FINE)) {
            logger.log(level, text, thrown);
        } else {
            logger.log(level, text);
        }
    }
}
