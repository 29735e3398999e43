package dev.kgw.proxy;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Small builders shared by the proxy tests: requests, responses, delayed fake backends and waiting. */
final class Fakes {
    private Fakes() {}

    static Request request() {
        return request(Map.of());
    }

    static Request request(Map<String, String> params) {
        return new Request("GET", "/", new LinkedHashMap<>(), new LinkedHashMap<>(params), new LinkedHashMap<>(),
                null, System.nanoTime() + SECONDS.toNanos(10));
    }

    static Response ok(Map<String, Object> data) {
        return new Response(new LinkedHashMap<>(data), true);
    }

    static Response partial(Map<String, Object> data, Throwable error) {
        Response r = new Response(new LinkedHashMap<>(data), false);
        r.error = error;
        return r;
    }

    /** A backend answering with {@code r} after {@code millis}, from a Vert.x timer. */
    static Proxy later(Vertx vertx, long millis, Response r) {
        return req -> {
            Promise<Response> p = Promise.promise();
            vertx.setTimer(millis, id -> p.complete(r));
            return p.future();
        };
    }

    /** A backend failing with {@code t} after {@code millis}, from a Vert.x timer. */
    static Proxy failsLater(Vertx vertx, long millis, Throwable t) {
        return req -> {
            Promise<Response> p = Promise.promise();
            vertx.setTimer(millis, id -> p.fail(t));
            return p.future();
        };
    }

    static Proxy failing(String message) {
        return req -> Future.failedFuture(new BackendException(message));
    }

    /** Runs the call on an event loop, as the server does, so that timers and callbacks share one thread. */
    static Future<Response> onLoop(Vertx vertx, Supplier<Future<Response>> call) {
        Promise<Response> p = Promise.promise();
        vertx.runOnContext(v -> call.get().onComplete(p));
        return p.future();
    }

    static Response await(Future<Response> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(5, SECONDS);
    }

    /** The cause of a failed future (fails the test if it succeeded). */
    static Throwable failure(Future<Response> f) throws Exception {
        try {
            Response r = await(f);
            throw new AssertionError("expected a failure, got data " + r.data);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
