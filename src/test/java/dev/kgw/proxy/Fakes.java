package dev.kgw.proxy;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Small builders shared by the proxy tests: requests, responses, fake backends and waiting. Backends that answer
 * later run on a {@link ManualScheduler}.
 */
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

    static Proxy failing(String message) {
        return req -> Future.failedFuture(new BackendException(message));
    }

    /** A backend that never answers: only a deadline can end the wait for it. */
    static Proxy never() {
        return req -> Promise.<Response>promise().future();
    }

    /** A backend that throws instead of returning a future (a bug, or a plugin's). */
    static Proxy throwing(String message) {
        return req -> {
            throw new IllegalStateException(message);
        };
    }

    /** The response of a future that must have succeeded already (on a manual clock nothing is waited for). */
    static Response answer(Future<Response> f) {
        if (!f.isComplete()) throw new AssertionError("no answer yet");
        if (f.failed()) throw new AssertionError("expected an answer, got " + f.cause(), f.cause());
        return f.result();
    }

    /** The cause of a future that must have failed already. */
    static Throwable cause(Future<Response> f) {
        if (!f.isComplete()) throw new AssertionError("not failed yet");
        if (f.succeeded()) throw new AssertionError("expected a failure, got data " + f.result().data);
        return f.cause();
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
