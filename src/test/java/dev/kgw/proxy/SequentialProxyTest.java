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
import dev.kgw.encoding.JsonNumber;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialProxyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ManualScheduler clock = new ManualScheduler();

    /** A backend that records the params it was called with and answers with {@code data}. */
    private static final class Recorder implements Proxy {
        final List<Map<String, String>> calls = new ArrayList<>();
        final List<Long> deadlines = new ArrayList<>();
        final Map<String, Object> data;

        Recorder(Map<String, Object> data) { this.data = data; }

        @Override
        public Future<Response> handle(Request request) {
            calls.add(Map.copyOf(request.params));
            deadlines.add(request.deadlineNanos);
            return Future.succeededFuture(ok(data));
        }
    }

    private Future<Response> run(List<Proxy> backends, List<List<String>> needs, List<String> propagated) {
        SequentialProxy p = new SequentialProxy(clock, backends, needs, propagated, TIMEOUT);
        return p.handle(clock.request(Map.of("Id", "7")));
    }

    /** The chain with no params to pass: timing only. */
    private Future<Response> run(Proxy... backends) {
        List<List<String>> needs = List.of(backends).stream().map(b -> List.<String>of()).toList();
        return run(List.of(backends), needs, List.of());
    }

    @Test
    void laterBackendReadsValuesOfAnEarlierResponse() {
        Recorder first = new Recorder(Map.of("foo", new JsonNumber("42"), "a", Map.of("b", "deep"),
                "list", List.of(new JsonNumber("1"), "two", 3.0)));
        Recorder second = new Recorder(Map.of("done", true));

        Response r = answer(run(List.of(first, second),
                List.of(List.of(), List.of("resp0_foo", "resp0_a.b", "resp0_list")), List.of()));

        assertEquals(Map.of("Id", "7"), first.calls.get(0));
        assertEquals(Map.of("Id", "7", "Resp0_foo", "42", "Resp0_a.b", "deep", "Resp0_list", "1,two,3"),
                second.calls.get(0));
        assertTrue(r.complete);
        assertEquals(Map.of("foo", new JsonNumber("42"), "a", Map.of("b", "deep"),
                "list", List.of(new JsonNumber("1"), "two", 3.0), "done", true), r.data);
    }

    /** Go's strings.Split keeps a trailing empty segment: {@code a.} is the key "" inside a, not a itself. */
    @Test
    void aTrailingDotAddressesTheEmptyKeyAsGoSplitsIt() {
        Recorder second = new Recorder(Map.of());

        answer(run(List.of(new Recorder(Map.of("a", Map.of("", "empty-key"))), second),
                List.of(List.of(), List.of("resp0_a.")), List.of()));

        assertEquals(Map.of("Id", "7", "Resp0_a.", "empty-key"), second.calls.get(0));
    }

    @Test
    void missingValuesAreNotSet() {
        Recorder second = new Recorder(Map.of());

        answer(run(List.of(new Recorder(Map.of("foo", 1)), second),
                List.of(List.of(), List.of("resp0_nope", "resp0_foo.deeper", "resp5_foo")), List.of()));

        assertEquals(Map.of("Id", "7"), second.calls.get(0));
    }

    @Test
    void firstBackendFailingFailsTheRequest() {
        Recorder second = new Recorder(Map.of("b", 1));

        Throwable t = cause(run(List.of(failing("first down"), second), List.of(List.of(), List.of()), List.of()));

        assertEquals("first down", t.getMessage());
        assertTrue(second.calls.isEmpty(), "the chain stops at the first failure");
    }

    @Test
    void laterBackendFailingGivesAPartialResponse() {
        Recorder third = new Recorder(Map.of("c", 1));

        Response r = answer(run(List.of(new Recorder(Map.of("a", 1)), failing("second down"), third),
                List.of(List.of(), List.of(), List.of()), List.of()));

        assertEquals(Map.of("a", 1), r.data);
        assertFalse(r.complete);
        assertEquals("second down", r.error.getMessage());
        assertTrue(third.calls.isEmpty());
    }

    @Test
    void propagatedParamsReachEveryLaterBackend() {
        Recorder first = new Recorder(Map.of("foo", new JsonNumber("42")));
        Recorder second = new Recorder(Map.of());
        Recorder third = new Recorder(Map.of());

        Response r = answer(run(List.of(first, second, third), List.of(List.of(), List.of(), List.of()),
                List.of("resp0_foo")));

        assertNull(first.calls.get(0).get("Resp0_foo"));
        assertEquals("42", second.calls.get(0).get("Resp0_foo"));
        assertEquals("42", third.calls.get(0).get("Resp0_foo"));
        assertTrue(r.complete);
    }

    @Test
    void aThrowingBackendStopsTheChainAsAFailure() {
        Recorder third = new Recorder(Map.of("c", 1));

        Response r = answer(run(new Recorder(Map.of("a", 1)), throwing("bug"), third));

        assertEquals(Map.of("a", 1), r.data);
        assertFalse(r.complete);
        assertEquals("bug", r.error.getMessage());
        assertTrue(third.calls.isEmpty());
        assertEquals(0, clock.pendingTimers(), "settled, so the deadline's timer is gone");
    }

    @Test
    void theWholeChainHas85PercentOfTheTimeout() {
        Recorder third = new Recorder(Map.of("c", 1));
        Future<Response> f = run(clock.later(300, ok(Map.of("a", 1))), clock.later(600, ok(Map.of("b", 1))), third);

        clock.assertSettlesAfter(850, f); // the second has used 550 of its 600 ms by then
        Response r = answer(f);
        assertEquals(Map.of("a", 1), r.data);
        assertFalse(r.complete);
        assertInstanceOf(DeadlineExceededException.class, r.error);
        clock.advanceMillis(100);
        assertTrue(third.calls.isEmpty(), "the second's late answer does not go on with the chain");
    }

    @Test
    void aFirstBackendStillRunningAtTheDeadlineFailsTheRequest() {
        Future<Response> f = run(never(), new Recorder(Map.of()));

        clock.assertSettlesAfter(850, f);
        assertInstanceOf(DeadlineExceededException.class, cause(f));
    }

    @Test
    void everyBackendGetsTheChainsDeadline() {
        Recorder first = new Recorder(Map.of());
        Recorder second = new Recorder(Map.of());
        long start = clock.nanoTime();

        answer(run(first, second));

        long deadline = start + Duration.ofMillis(850).toNanos();
        assertEquals(List.of(deadline), first.deadlines);
        assertEquals(List.of(deadline), second.deadlines);
    }

    @Test
    void finishingBeforeTheDeadlineCancelsItsTimer() {
        Promise<Response> last = Promise.promise();
        Future<Response> f = run(new Recorder(Map.of("a", 1)), req -> last.future());
        assertEquals(1, clock.pendingTimers(), "the chain's deadline");

        last.complete(ok(Map.of("b", 2)));

        assertTrue(answer(f).complete);
        assertEquals(0, clock.pendingTimers());
    }
}
