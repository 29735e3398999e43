package dev.kgw.telemetry.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Response;
import io.vertx.core.Future;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatsPipelineTest {
    private static final String PIPE = "krakend.proxy.requests.layer.pipe.name./users/{id}";

    @Test
    void eachOutcomeCountsUnderLurasCompleteAndErrorLabels() {
        StatsRegistry registry = new StatsRegistry();
        LayerStats layer = new LayerStats(registry, "pipe", "/users/{id}");
        Map<String, Number> before = registry.flatten();
        for (String c : new String[] {"true", "false"}) {
            for (String e : new String[] {"true", "false"}) {
                assertEquals(0L, before.get(PIPE + ".complete." + c + ".error." + e), "registered up front");
            }
        }

        Response whole = new Response(Map.of(), true);
        Response partial = new Response(Map.of(), false);
        partial.error = new RuntimeException("one backend failed");
        call(layer, Future.succeededFuture(whole));
        call(layer, Future.succeededFuture(whole));
        call(layer, Future.succeededFuture(partial));
        call(layer, Future.failedFuture(new RuntimeException("all failed")));
        call(layer, Future.succeededFuture(new Response(Map.of(), false))); // incomplete without an error

        TreeMap<String, Number> after = registry.flatten();
        assertEquals(2L, after.get(PIPE + ".complete.true.error.false"));
        assertEquals(2L, after.get(PIPE + ".complete.false.error.true"), "partial and failed");
        assertEquals(1L, after.get(PIPE + ".complete.false.error.false"));
        assertEquals(0L, after.get(PIPE + ".complete.true.error.true"));
        String latency = "krakend.proxy.latency.layer.pipe.name./users/{id}.complete.false.error.true";
        assertEquals(2L, after.get(latency + ".count"), "the latency histogram counts the same outcomes");
        assertTrue(after.get(latency + ".max").doubleValue() >= after.get(latency + ".min").doubleValue());
    }

    @Test
    void aDisabledLayerAddsNoMiddleware() {
        StatsRegistry registry = new StatsRegistry();
        PipeStats backendOnly = new PipeStats(registry, false, true);
        assertNull(backendOnly.pipe(null));
        assertTrue(registry.flatten().isEmpty());
    }

    private static void call(LayerStats layer, Future<Response> outcome) {
        Proxy next = request -> outcome;
        layer.wrap(next).handle(null);
    }
}
