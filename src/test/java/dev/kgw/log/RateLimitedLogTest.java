package dev.kgw.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    private final List<String> lines = new ArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();
    private final AtomicLong now = new AtomicLong(1_000);

    RateLimitedLogTest() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        logger.addHandler(new Handler() {
            @Override public void publish(LogRecord r) { lines.add(r.getLevel() + " " + r.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        });
    }

    @Test
    void oneLinePerIntervalThenTheCountOfWhatWasLeftOut() {
        RateLimitedLog log = new RateLimitedLog(logger, Duration.ofSeconds(10), now::get);
        log.log(Level.WARNING, () -> "refused a");
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        log.log(Level.WARNING, () -> "refused b");
        log.log(Level.WARNING, () -> "refused c");
        assertEquals(List.of("WARNING refused a"), lines);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        log.log(Level.WARNING, () -> "refused d");
        log.log(Level.WARNING, () -> "refused e");
        assertEquals(List.of("WARNING refused a", "WARNING refused d (and 2 more like this since the previous one)"),
                lines);
    }

    @Test
    void nothingIsBuiltOrCountedBelowTheLoggersLevel() {
        RateLimitedLog log = new RateLimitedLog(logger, Duration.ofSeconds(10), now::get);
        AtomicInteger built = new AtomicInteger();
        log.log(Level.FINE, () -> "x" + built.incrementAndGet());
        log.log(Level.INFO, () -> "shown");
        assertEquals(0, built.get());
        assertEquals(List.of("INFO shown"), lines);
    }
}
