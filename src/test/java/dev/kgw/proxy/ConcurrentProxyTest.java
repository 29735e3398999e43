package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.await;
import static dev.kgw.proxy.Fakes.failsLater;
import static dev.kgw.proxy.Fakes.failure;
import static dev.kgw.proxy.Fakes.later;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.onLoop;
import static dev.kgw.proxy.Fakes.request;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConcurrentProxyTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() { vertx = Vertx.vertx(); }

    @AfterAll
    static void stop() throws Exception { vertx.close().toCompletionStage().toCompletableFuture().get(5, SECONDS); }

    /** The i-th call of the wrapped proxy goes to {@code calls.get(i)}. */
    private static Future<Response> run(List<Proxy> calls) {
        int[] n = {0};
        Proxy next = req -> calls.get(n[0]++).handle(req);
        Proxy p = new ConcurrentProxy(vertx, calls.size(), Duration.ofSeconds(2)).wrap(next);
        return onLoop(vertx, () -> p.handle(request()));
    }

    private static Response incomplete(String name) {
        return new Response(Map.of("name", name), false);
    }

    @Test
    void firstCompleteAnswerWins() throws Exception {
        Response winner = ok(Map.of("name", "winner"));

        Response r = await(run(List.of(
                later(vertx, 10, incomplete("early but incomplete")),
                later(vertx, 40, winner),
                later(vertx, 150, ok(Map.of("name", "late"))))));

        assertSame(winner, r);
    }

    @Test
    void withoutACompleteAnswerTheLastOneIsReturned() throws Exception {
        Response last = incomplete("last");

        Response r = await(run(List.of(
                later(vertx, 10, incomplete("first")),
                later(vertx, 80, last),
                failsLater(vertx, 40, new BackendException("boom")))));

        assertSame(last, r);
    }

    @Test
    void allFailingReturnsTheLastError() throws Exception {
        Throwable t = failure(run(List.of(
                failsLater(vertx, 10, new BackendException("one")),
                failsLater(vertx, 60, new BackendException("two")))));

        assertEquals("two", t.getMessage());
    }
}
