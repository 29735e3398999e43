package dev.kgw.qos.circuitbreaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.qos.circuitbreaker.CircuitBreaker.Refusal;
import dev.kgw.qos.circuitbreaker.CircuitBreaker.State;
import dev.kgw.qos.circuitbreaker.CircuitBreaker.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** gobreaker's transitions, driven by a clock the test moves. */
class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> changes = new ArrayList<>();

    private CircuitBreaker breaker(long maxErrors, long intervalSeconds, long timeoutSeconds) {
        return new CircuitBreaker(maxErrors, TimeUnit.SECONDS.toNanos(intervalSeconds),
                TimeUnit.SECONDS.toNanos(timeoutSeconds), now::get, (from, to) -> changes.add(from.label + ">" + to.label));
    }

    private void advance(long seconds) { now.addAndGet(TimeUnit.SECONDS.toNanos(seconds)); }

    private static void fail(CircuitBreaker cb) {
        Ticket t = cb.before();
        assertTrue(t.allowed());
        cb.failure(t);
    }

    private static void succeed(CircuitBreaker cb) {
        Ticket t = cb.before();
        assertTrue(t.allowed());
        cb.success(t);
    }

    @Test
    void tripsAfterMaxErrorsPlusOneConsecutiveFailures() {
        CircuitBreaker cb = breaker(2, 60, 10);
        fail(cb);
        fail(cb);
        assertEquals(State.CLOSED, cb.state(), "max_errors failures do not trip it");
        fail(cb);
        assertEquals(State.OPEN, cb.state());
        assertEquals(Refusal.OPEN, cb.before().refusal());
        assertEquals(List.of("closed>open"), changes);
        assertEquals(1, cb.trips());
    }

    @Test
    void aSuccessResetsTheConsecutiveFailures() {
        CircuitBreaker cb = breaker(1, 0, 10);
        fail(cb);
        succeed(cb);
        fail(cb);
        assertEquals(State.CLOSED, cb.state());
        fail(cb);
        assertEquals(State.OPEN, cb.state());
    }

    @Test
    void countsStartOverEachIntervalButNeverWithIntervalZero() {
        CircuitBreaker cb = breaker(1, 5, 10);
        fail(cb);
        advance(6);
        fail(cb);
        assertEquals(State.CLOSED, cb.state(), "the first failure belonged to the previous interval");
        fail(cb);
        assertEquals(State.OPEN, cb.state());

        CircuitBreaker never = breaker(1, 0, 10);
        fail(never);
        advance(3600);
        fail(never);
        assertEquals(State.OPEN, never.state(), "interval 0: counts are never cleared");
    }

    @Test
    void openForTimeoutThenExactlyOneProbe() {
        CircuitBreaker cb = breaker(0, 0, 10);
        fail(cb);
        advance(9);
        assertEquals(Refusal.OPEN, cb.before().refusal(), "still open before the timeout");
        advance(1);
        Ticket probe = cb.before();
        assertTrue(probe.allowed(), "the probe after the timeout");
        assertEquals(State.HALF_OPEN, cb.state());
        assertEquals(Refusal.TOO_MANY_REQUESTS, cb.before().refusal(), "a second caller while the probe runs");
        assertEquals(Refusal.TOO_MANY_REQUESTS, cb.before().refusal());
        cb.success(probe);
        assertEquals(State.CLOSED, cb.state());
        succeed(cb);
        assertEquals(List.of("closed>open", "open>half-open", "half-open>closed"), changes);
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherTimeout() {
        CircuitBreaker cb = breaker(0, 0, 10);
        fail(cb);
        advance(10);
        fail(cb);
        assertEquals(State.OPEN, cb.state());
        advance(9);
        assertFalse(cb.before().allowed());
        advance(1);
        assertTrue(cb.before().allowed());
        assertEquals(2, cb.trips());
    }

    @Test
    void timeoutZeroMeansSixtySeconds() {
        CircuitBreaker cb = breaker(0, 0, 0);
        fail(cb);
        advance(59);
        assertFalse(cb.before().allowed());
        advance(1);
        assertTrue(cb.before().allowed());
    }

    @Test
    void aResultFromAnOlderGenerationIsIgnored() {
        CircuitBreaker cb = breaker(0, 0, 10);
        Ticket slow = cb.before(); // starts while closed
        fail(cb); // another call trips it
        cb.success(slow); // the slow one ends: its success must not close the breaker
        assertEquals(State.OPEN, cb.state());

        advance(10);
        Ticket probe = cb.before();
        Ticket stale = new Ticket(probe.generation() - 1, null);
        cb.failure(stale);
        assertEquals(State.HALF_OPEN, cb.state(), "a failure of an older generation does not reopen it");
        cb.success(probe);
        assertEquals(State.CLOSED, cb.state());

        CircuitBreaker interval = breaker(0, 5, 10);
        Ticket old = interval.before();
        advance(6); // a new interval: a new generation
        interval.failure(old);
        assertEquals(State.CLOSED, interval.state(), "a failure that began in the previous interval does not trip it");
    }

    @Test
    void anExcludedProbeFreesTheSlotWithoutDeciding() {
        CircuitBreaker cb = breaker(0, 0, 10);
        fail(cb);
        advance(10);
        Ticket probe = cb.before();
        assertFalse(cb.before().allowed());
        cb.excluded(probe); // the client went away
        assertEquals(State.HALF_OPEN, cb.state());
        Ticket next = cb.before();
        assertTrue(next.allowed(), "the slot is free again");
        cb.failure(next);
        assertEquals(State.OPEN, cb.state());
    }

    @Test
    void excludedCallsDoNotCountInTheClosedState() {
        CircuitBreaker cb = breaker(1, 0, 10);
        fail(cb);
        Ticket t = cb.before();
        cb.excluded(t);
        fail(cb);
        assertEquals(State.OPEN, cb.state(), "the exclusion neither reset nor added to the failures");
    }

    @Test
    void halfOpenUnderConcurrencyLetsExactlyOneThrough() throws Exception {
        CircuitBreaker cb = breaker(0, 0, 10);
        fail(cb);
        advance(10);
        int threads = 8;
        AtomicLong allowed = new AtomicLong();
        var start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int k = 0; k < 1000; k++) if (cb.before().allowed()) allowed.incrementAndGet();
            });
            th.start();
            ts.add(th);
        }
        start.countDown();
        for (Thread th : ts) th.join(10_000);
        assertEquals(1, allowed.get(), "one probe among 8,000 concurrent asks");
    }
}
