package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.answer;
import static dev.kgw.proxy.Fakes.cause;
import static dev.kgw.proxy.Fakes.failing;
import static dev.kgw.proxy.Fakes.never;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.throwing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.backend.DeadlineExceededException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On a manual clock: a timeout of 1 s gives the merge 850 ms. */
class MergeProxyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ManualScheduler clock = new ManualScheduler();

    private Future<Response> merge(Proxy... backends) {
        return new MergeProxy(clock, List.of(backends), TIMEOUT).handle(clock.request());
    }

    @Test
    void mergesTopLevelKeysOfEveryBackend() {
        Response r = answer(merge(
                req -> Future.succeededFuture(ok(Map.of("a", 1, "nested", Map.of("x", 1)))),
                req -> Future.succeededFuture(ok(Map.of("b", 2)))));

        assertEquals(Map.of("a", 1, "nested", Map.of("x", 1), "b", 2), r.data);
        assertTrue(r.complete);
        assertNull(r.error);
    }

    @Test
    void laterArrivalWinsAKeyCollision() {
        // backend 0 is listed first but answers last, so its value is the one kept
        Future<Response> f = merge(
                clock.later(50, ok(Map.of("k", "slow", "s", true))),
                req -> Future.succeededFuture(ok(Map.of("k", "fast", "f", true))));
        clock.advanceMillis(50);

        assertEquals(Map.of("k", "slow", "s", true, "f", true), answer(f).data);
        assertTrue(answer(f).complete);
    }

    @Test
    void oneFailingBackendGivesAPartialResponse() {
        Response r = answer(merge(req -> Future.succeededFuture(ok(Map.of("a", 1))), failing("backend down")));

        assertEquals(Map.of("a", 1), r.data);
        assertFalse(r.complete);
        assertEquals("backend down", r.error.getMessage());
    }

    @Test
    void aBackendThatThrowsCountsAsFailed() {
        Future<Response> f = merge(req -> Future.succeededFuture(ok(Map.of("a", 1))), throwing("bug"));

        assertEquals(Map.of("a", 1), answer(f).data);
        assertFalse(answer(f).complete);
        assertEquals("bug", answer(f).error.getMessage());
        assertEquals(0, clock.pendingTimers(), "settled at once, so the deadline's timer is gone");
    }

    @Test
    void allFailingBackendsFailWithTheirMessagesJoined() {
        Future<Response> f = merge(failing("first"), failing("second"));

        MergeException e = assertInstanceOf(MergeException.class, cause(f));
        assertEquals("first\nsecond", e.getMessage());
        assertEquals(2, e.errors().size());
    }

    @Test
    void aBackendStillRunningAt85PercentOfTheTimeoutCountsAsFailed() {
        Future<Response> f = merge(req -> Future.succeededFuture(ok(Map.of("fast", 1))), never());

        clock.assertSettlesAfter(850, f); // 85% of 1 s
        Response r = answer(f);
        assertEquals(Map.of("fast", 1), r.data);
        assertFalse(r.complete);
        assertInstanceOf(DeadlineExceededException.class, r.error);
    }

    @Test
    void noBackendAnsweringInTimeFailsTheMerge() {
        Future<Response> f = merge(never(), never());
        clock.assertSettlesAfter(850, f);

        MergeException e = assertInstanceOf(MergeException.class, cause(f));
        assertEquals(2, e.errors().size());
        e.errors().forEach(t -> assertInstanceOf(DeadlineExceededException.class, t));
    }

    @Test
    void anAnswerAfterTheDeadlineIsIgnored() {
        Future<Response> f = merge(req -> Future.succeededFuture(ok(Map.of("fast", 1))),
                clock.later(900, ok(Map.of("slow", 1))));
        clock.advanceMillis(1000);

        assertEquals(Map.of("fast", 1), answer(f).data);
        assertFalse(answer(f).complete);
    }

    @Test
    void anEarlierClientDeadlineCutsTheMergeShort() {
        List<Request> seen = new ArrayList<>();
        Request request = clock.request();
        request.deadlineNanos = clock.nanoTime() + Duration.ofMillis(100).toNanos();
        Future<Response> f = new MergeProxy(clock, List.of(req -> {
            seen.add(req);
            return Future.succeededFuture(ok(Map.of("a", 1)));
        }, never()), TIMEOUT).handle(request);

        assertEquals(request.deadlineNanos, seen.get(0).deadlineNanos, "the backends give up with the client");
        clock.assertSettlesAfter(100, f);
        assertFalse(answer(f).complete);
    }

    @Test
    void backendsGetTheMergeDeadline() {
        List<Request> seen = new ArrayList<>();
        long start = clock.nanoTime();
        merge(req -> {
            seen.add(req);
            return Future.succeededFuture(ok(Map.of()));
        });

        assertEquals(start + Duration.ofMillis(850).toNanos(), seen.get(0).deadlineNanos);
    }

    @Test
    void answeringBeforeTheDeadlineCancelsItsTimer() {
        Promise<Response> slow = Promise.promise();
        Future<Response> f = merge(req -> Future.succeededFuture(ok(Map.of("a", 1))), req -> slow.future());
        assertEquals(1, clock.pendingTimers(), "the merge's deadline");

        slow.complete(ok(Map.of("b", 2)));

        assertTrue(answer(f).complete);
        assertEquals(0, clock.pendingTimers());
    }

    @Test
    void anIncompleteBackendMakesTheMergeIncomplete() {
        Response r = answer(merge(req -> Future.succeededFuture(ok(Map.of("a", 1))),
                req -> Future.succeededFuture(new Response(Map.of("b", 2), false))));

        assertEquals(Map.of("a", 1, "b", 2), r.data);
        assertFalse(r.complete);
    }
}
