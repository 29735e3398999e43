package dev.kgw.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final long start = clock.nanoTime();
    private int expired;

    private Deadline start(long requestDeadlineMillis, long budgetMillis) {
        return Deadline.start(clock, start + Duration.ofMillis(requestDeadlineMillis).toNanos(),
                Duration.ofMillis(budgetMillis).toNanos(), () -> expired++);
    }

    @Test
    void theBudgetCountsWhenItEndsFirst() {
        Deadline d = start(10_000, 850);

        assertEquals(start + Duration.ofMillis(850).toNanos(), d.nanos());
        clock.assertHappensAfter(850, () -> expired == 1);
    }

    @Test
    void theRequestDeadlineCountsWhenItEndsFirst() {
        Deadline d = start(100, 850);

        assertEquals(start + Duration.ofMillis(100).toNanos(), d.nanos());
        clock.assertHappensAfter(100, () -> expired == 1);
    }

    @Test
    void aDeadlineAlreadyPassedExpiresAfterOneMillisecond() {
        start(-5, 850);

        clock.assertHappensAfter(1, () -> expired == 1); // never inside the caller's own call
    }

    @Test
    void cancelledItNeverExpires() {
        start(10_000, 850).cancel();

        assertEquals(0, clock.pendingTimers());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, expired);
    }
}
