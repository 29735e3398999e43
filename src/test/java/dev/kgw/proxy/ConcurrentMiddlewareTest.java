package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.answer;
import static dev.kgw.proxy.Fakes.cause;
import static dev.kgw.proxy.Fakes.never;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.throwing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.backend.DeadlineExceededException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On a manual clock: a timeout of 1 s gives the concurrent calls 750 ms. */
class ConcurrentMiddlewareTest {
    private final ManualScheduler clock = new ManualScheduler();

    /** The i-th call of the wrapped proxy goes to {@code calls.get(i)}. */
    private Future<Response> run(Proxy... calls) {
        int[] n = {0};
        Proxy next = req -> calls[n[0]++].handle(req);
        Proxy p = new ConcurrentMiddleware(clock, calls.length, Duration.ofSeconds(1)).wrap(next);
        return p.handle(clock.request());
    }

    private static Response incomplete(String name) {
        return new Response(Map.of("name", name), false);
    }

    @Test
    void firstCompleteAnswerWins() {
        Response winner = ok(Map.of("name", "winner"));
        Future<Response> f = run(
                clock.later(10, incomplete("early but incomplete")),
                clock.later(40, winner),
                clock.later(150, ok(Map.of("name", "late"))));

        clock.assertSettlesAfter(40, f); // an incomplete answer waits for the others
        assertSame(winner, answer(f));
    }

    @Test
    void withoutACompleteAnswerTheLastOneIsReturned() {
        Response last = incomplete("last");
        Future<Response> f = run(
                clock.later(10, incomplete("first")),
                clock.later(80, last),
                clock.failsLater(40, new BackendException("boom")));

        clock.advanceMillis(80);
        assertSame(last, answer(f));
    }

    @Test
    void allFailingReturnsTheLastError() {
        Future<Response> f = run(
                clock.failsLater(10, new BackendException("one")),
                clock.failsLater(60, new BackendException("two")));

        clock.advanceMillis(60);
        assertEquals("two", cause(f).getMessage());
    }

    @Test
    void atThreeQuartersOfTheTimeoutTheLastAnswerSeenIsReturned() {
        Response seen = incomplete("seen");
        Future<Response> f = run(clock.later(10, seen), never());

        clock.assertSettlesAfter(750, f); // 75% of 1 s
        assertSame(seen, answer(f));
    }

    @Test
    void noAnswerByThenFailsWithTheDeadline() {
        Future<Response> f = run(never(), never());

        clock.assertSettlesAfter(750, f);
        assertInstanceOf(DeadlineExceededException.class, cause(f));
    }

    @Test
    void everyCallGetsTheDeadline() {
        List<Long> deadlines = new ArrayList<>();
        long start = clock.nanoTime();
        Proxy recording = req -> {
            deadlines.add(req.deadlineNanos);
            return Future.succeededFuture(ok(Map.of()));
        };

        answer(run(recording, recording));

        long deadline = start + Duration.ofMillis(750).toNanos();
        assertEquals(List.of(deadline, deadline), deadlines);
    }

    @Test
    void aThrowingCallCountsAsAFailedOne() {
        Response winner = ok(Map.of("name", "winner"));

        assertSame(winner, answer(run(throwing("bug"), req -> Future.succeededFuture(winner))));
        assertEquals("bug too", cause(run(throwing("bug"), throwing("bug too"))).getMessage(), "the last error");
        assertEquals(0, clock.pendingTimers(), "both settled at once, so no deadline timer is left");
    }

    @Test
    void aCompleteAnswerCancelsTheDeadlineTimer() {
        Promise<Response> winner = Promise.promise();
        Future<Response> f = run(req -> winner.future(), never());
        assertEquals(1, clock.pendingTimers(), "the calls' deadline");

        winner.complete(ok(Map.of("name", "winner")));

        assertTrue(answer(f).complete);
        assertEquals(0, clock.pendingTimers());
    }
}
