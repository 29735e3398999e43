package dev.kgw.telemetry.stats;

import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Response;
import io.vertx.core.AsyncResult;

/**
 * Counts and times one instrumented proxy as krakend-metrics' proxy middleware:
 * {@code proxy.requests.layer.<layer>.name.<name>.complete.<bool>.error.<bool>} and the matching
 * {@code proxy.latency...} histogram in nanoseconds. All four combinations are registered when the pipe is built,
 * so they show (at 0) before the first request.
 */
final class LayerStats implements Middleware {
    private final Counter[] requests = new Counter[4];
    private final Histogram[] latency = new Histogram[4];

    LayerStats(StatsRegistry registry, String layer, String name) {
        for (boolean complete : new boolean[] {true, false}) {
            for (boolean error : new boolean[] {true, false}) {
                String labels = "layer." + layer + ".name." + name + ".complete." + complete + ".error." + error;
                requests[slot(complete, error)] = registry.counter("proxy.requests." + labels);
                latency[slot(complete, error)] = registry.histogram("proxy.latency." + labels);
            }
        }
    }

    private static int slot(boolean complete, boolean error) { return (complete ? 2 : 0) + (error ? 1 : 0); }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            long start = System.nanoTime();
            return next.handle(request).onComplete(ar -> record(ar, System.nanoTime() - start));
        };
    }

    /** lura's (response, error) pair: a failed future is an error without response; a partial one carries both. */
    private void record(AsyncResult<Response> ar, long nanos) {
        Response r = ar.succeeded() ? ar.result() : null;
        boolean error = ar.failed() || (r != null && r.error != null);
        int slot = slot(r != null && r.complete, error);
        requests[slot].inc();
        latency[slot].update(nanos);
    }
}
