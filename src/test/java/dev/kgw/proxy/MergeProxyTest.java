package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.await;
import static java.util.concurrent.TimeUnit.SECONDS;
import static dev.kgw.proxy.Fakes.failing;
import static dev.kgw.proxy.Fakes.failure;
import static dev.kgw.proxy.Fakes.later;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.onLoop;
import static dev.kgw.proxy.Fakes.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.backend.DeadlineExceededException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MergeProxyTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() { vertx = Vertx.vertx(); }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, SECONDS);
    }

    private static Future<Response> merge(Duration timeout, Proxy... backends) {
        MergeProxy merge = new MergeProxy(vertx, List.of(backends), timeout);
        return onLoop(vertx, () -> merge.handle(request()));
    }

    @Test
    void mergesTopLevelKeysOfEveryBackend() throws Exception {
        Response r = await(merge(Duration.ofSeconds(2),
                req -> Future.succeededFuture(ok(Map.of("a", 1, "nested", Map.of("x", 1)))),
                req -> Future.succeededFuture(ok(Map.of("b", 2)))));

        assertEquals(Map.of("a", 1, "nested", Map.of("x", 1), "b", 2), r.data);
        assertTrue(r.complete);
        assertNull(r.error);
    }

    @Test
    void laterArrivalWinsAKeyCollision() throws Exception {
        // backend 0 is listed first but answers last, so its value is the one kept
        Response r = await(merge(Duration.ofSeconds(2),
                later(vertx, 50, ok(Map.of("k", "slow", "s", true))),
                req -> Future.succeededFuture(ok(Map.of("k", "fast", "f", true)))));

        assertEquals(Map.of("k", "slow", "s", true, "f", true), r.data);
        assertTrue(r.complete);
    }

    @Test
    void oneFailingBackendGivesAPartialResponse() throws Exception {
        Response r = await(merge(Duration.ofSeconds(2),
                req -> Future.succeededFuture(ok(Map.of("a", 1))),
                failing("backend down")));

        assertEquals(Map.of("a", 1), r.data);
        assertFalse(r.complete);
        assertEquals("backend down", r.error.getMessage());
    }

    @Test
    void allFailingBackendsFailWithTheirMessagesJoined() throws Exception {
        Throwable t = failure(merge(Duration.ofSeconds(2), failing("first"), failing("second")));

        MergeException e = assertInstanceOf(MergeException.class, t);
        assertEquals("first\nsecond", e.getMessage());
        assertEquals(2, e.errors().size());
    }

    @Test
    void aBackendSlowerThanTheMergeTimeoutCountsAsFailed() throws Exception {
        // 85% of 200ms is 170ms: the 400ms backend is cut off
        Response r = await(merge(Duration.ofMillis(200),
                req -> Future.succeededFuture(ok(Map.of("fast", 1))),
                later(vertx, 400, ok(Map.of("slow", 1)))));

        assertEquals(Map.of("fast", 1), r.data);
        assertFalse(r.complete);
        assertInstanceOf(DeadlineExceededException.class, r.error);
    }

    @Test
    void anIncompleteBackendMakesTheMergeIncomplete() throws Exception {
        Response r = await(merge(Duration.ofSeconds(2),
                req -> Future.succeededFuture(ok(Map.of("a", 1))),
                req -> Future.succeededFuture(new Response(Map.of("b", 2), false))));

        assertEquals(Map.of("a", 1, "b", 2), r.data);
        assertFalse(r.complete);
    }
}
