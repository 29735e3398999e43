package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.await;
import static dev.kgw.proxy.Fakes.failing;
import static dev.kgw.proxy.Fakes.failure;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.onLoop;
import static dev.kgw.proxy.Fakes.request;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.encoding.JsonNumber;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SequentialProxyTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() { vertx = Vertx.vertx(); }

    @AfterAll
    static void stop() throws Exception { vertx.close().toCompletionStage().toCompletableFuture().get(5, SECONDS); }

    /** A backend that records the params it was called with and answers with {@code data}. */
    private static final class Recorder implements Proxy {
        final List<Map<String, String>> calls = new ArrayList<>();
        final Map<String, Object> data;

        Recorder(Map<String, Object> data) { this.data = data; }

        @Override
        public Future<Response> handle(Request request) {
            calls.add(Map.copyOf(request.params));
            return Future.succeededFuture(ok(data));
        }
    }

    private static Future<Response> run(List<Proxy> backends, List<List<String>> needs, List<String> propagated) {
        SequentialProxy p = new SequentialProxy(vertx, backends, needs, propagated, Duration.ofSeconds(2));
        return onLoop(vertx, () -> p.handle(request(Map.of("Id", "7"))));
    }

    @Test
    void laterBackendReadsValuesOfAnEarlierResponse() throws Exception {
        Recorder first = new Recorder(Map.of("foo", new JsonNumber("42"), "a", Map.of("b", "deep"),
                "list", List.of(new JsonNumber("1"), "two", 3.0)));
        Recorder second = new Recorder(Map.of("done", true));

        Response r = await(run(List.of(first, second),
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
    void aTrailingDotAddressesTheEmptyKeyAsGoSplitsIt() throws Exception {
        Recorder second = new Recorder(Map.of());

        await(run(List.of(new Recorder(Map.of("a", Map.of("", "empty-key"))), second),
                List.of(List.of(), List.of("resp0_a.")), List.of()));

        assertEquals(Map.of("Id", "7", "Resp0_a.", "empty-key"), second.calls.get(0));
    }

    @Test
    void missingValuesAreNotSet() throws Exception {
        Recorder second = new Recorder(Map.of());

        await(run(List.of(new Recorder(Map.of("foo", 1)), second),
                List.of(List.of(), List.of("resp0_nope", "resp0_foo.deeper", "resp5_foo")), List.of()));

        assertEquals(Map.of("Id", "7"), second.calls.get(0));
    }

    @Test
    void firstBackendFailingFailsTheRequest() throws Exception {
        Recorder second = new Recorder(Map.of("b", 1));

        Throwable t = failure(run(List.of(failing("first down"), second), List.of(List.of(), List.of()), List.of()));

        assertEquals("first down", t.getMessage());
        assertTrue(second.calls.isEmpty(), "the chain stops at the first failure");
    }

    @Test
    void laterBackendFailingGivesAPartialResponse() throws Exception {
        Recorder third = new Recorder(Map.of("c", 1));

        Response r = await(run(List.of(new Recorder(Map.of("a", 1)), failing("second down"), third),
                List.of(List.of(), List.of(), List.of()), List.of()));

        assertEquals(Map.of("a", 1), r.data);
        assertFalse(r.complete);
        assertEquals("second down", r.error.getMessage());
        assertTrue(third.calls.isEmpty());
    }

    @Test
    void propagatedParamsReachEveryLaterBackend() throws Exception {
        Recorder first = new Recorder(Map.of("foo", new JsonNumber("42")));
        Recorder second = new Recorder(Map.of());
        Recorder third = new Recorder(Map.of());

        Response r = await(run(List.of(first, second, third), List.of(List.of(), List.of(), List.of()),
                List.of("resp0_foo")));

        assertNull(first.calls.get(0).get("Resp0_foo"));
        assertEquals("42", second.calls.get(0).get("Resp0_foo"));
        assertEquals("42", third.calls.get(0).get("Resp0_foo"));
        assertTrue(r.complete);
    }
}
