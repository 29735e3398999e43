package dev.kgw.proxy;

import static dev.kgw.proxy.Fakes.await;
import static dev.kgw.proxy.Fakes.failure;
import static dev.kgw.proxy.Fakes.ok;
import static dev.kgw.proxy.Fakes.partial;
import static dev.kgw.proxy.Fakes.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kgw.proxy.StaticMiddleware.Strategy;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticMiddlewareTest {
    private static final Map<String, Object> STATIC = Map.of("stub", "yes", "shared", "static");
    private static final BackendException DOWN = new BackendException("down");

    private static Proxy backend(String input) {
        return switch (input) {
            case "success" -> req -> Future.succeededFuture(ok(Map.of("shared", "backend", "own", 1)));
            case "partial" -> req -> Future.succeededFuture(partial(Map.of("shared", "backend", "own", 1), DOWN));
            case "failure" -> req -> Future.failedFuture(DOWN);
            default -> throw new IllegalArgumentException(input);
        };
    }

    private static Future<Response> call(Strategy strategy, Proxy backend) {
        return new StaticMiddleware(strategy, STATIC).wrap(backend).handle(request());
    }

    @ParameterizedTest(name = "{0} on {1}: applied={2}")
    @CsvSource({
            "ALWAYS,     success, true",
            "ALWAYS,     partial, true",
            "ALWAYS,     failure, true",
            "SUCCESS,    success, true",
            "SUCCESS,    partial, false",
            "SUCCESS,    failure, false",
            "COMPLETE,   success, true",
            "COMPLETE,   partial, false",
            "COMPLETE,   failure, false",
            "ERRORED,    success, false",
            "ERRORED,    partial, true",
            "ERRORED,    failure, true",
            "INCOMPLETE, success, false",
            "INCOMPLETE, partial, true",
            "INCOMPLETE, failure, true",
    })
    void strategyDecidesWhenStaticDataIsAdded(Strategy strategy, String input, boolean applied) throws Exception {
        Future<Response> f = call(strategy, backend(input));

        if (input.equals("failure") && !applied) {
            assertSame(DOWN, failure(f), "an unmatched failure passes through");
            return;
        }
        Response r = await(f);
        Map<String, Object> expected = new HashMap<>();
        if (!input.equals("failure")) expected.putAll(Map.of("shared", "backend", "own", 1));
        if (applied) expected.putAll(STATIC); // static data overwrites collisions
        assertEquals(expected, r.data);
        assertEquals(input.equals("success"), r.complete);
        assertSame(input.equals("success") ? null : DOWN, r.error, "errors are kept");
    }

    @Test
    void erroredTurnsAFailureIntoAResponseWithTheStaticData() throws Exception {
        Response r = await(call(Strategy.ERRORED, backend("failure")));

        assertEquals(STATIC, r.data);
        assertFalse(r.complete);
        assertSame(DOWN, r.error);
    }

    @Test
    void responseWithoutDataGetsTheStaticData() throws Exception {
        Response r = await(call(Strategy.ALWAYS, req -> Future.succeededFuture(new Response(null, true))));

        assertEquals(STATIC, r.data);
    }

    @Test
    void eachResponseGetsItsOwnCopyOfNestedStaticData() throws Exception {
        Map<String, Object> nested = Map.of("list", List.of(Map.of("x", 1)));
        Proxy p = new StaticMiddleware(Strategy.ALWAYS, nested).wrap(req -> Future.succeededFuture(ok(Map.of())));

        Response first = await(p.handle(request()));
        Response second = await(p.handle(request()));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) first.data.get("list");
        list.clear(); // a later middleware mutating one response

        assertEquals(nested, second.data);
        assertEquals(List.of(Map.of("x", 1)), nested.get("list"));
    }
}
