package dev.kgw.proxy;

import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import java.util.List;

/**
 * Instrumentation around each endpoint's pipeline and each backend's HTTP call, as krakend-otel and
 * krakend-metrics wrap lura's proxy and backend factories. A hook returns null where it has nothing to add, so a
 * node without telemetry builds exactly the pipeline it would without hooks.
 */
public interface PipelineHooks {
    PipelineHooks NONE = new PipelineHooks() {};

    /** Wraps the whole endpoint pipe (merge, static, shadow), outermost. */
    default Middleware endpoint(EndpointConfig endpoint) { return null; }

    /**
     * Wraps one backend's HTTP call, innermost: after the balancer picked the host ({@link Request#url} is set)
     * and after the header filter, so a header added here reaches the backend.
     */
    default Middleware backend(EndpointConfig endpoint, BackendConfig backend) { return null; }

    /** All of them, the first one outermost. */
    static PipelineHooks all(List<PipelineHooks> hooks) {
        List<PipelineHooks> each = List.copyOf(hooks);
        if (each.isEmpty()) return NONE;
        if (each.size() == 1) return each.get(0);
        return new PipelineHooks() {
            @Override
            public Middleware endpoint(EndpointConfig e) {
                return chain(each.stream().map(h -> h.endpoint(e)).toList());
            }

            @Override
            public Middleware backend(EndpointConfig e, BackendConfig b) {
                return chain(each.stream().map(h -> h.backend(e, b)).toList());
            }
        };
    }

    private static Middleware chain(List<Middleware> middlewares) {
        Middleware out = null;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            Middleware m = middlewares.get(i);
            if (m == null) continue;
            Middleware inner = out;
            out = inner == null ? m : next -> m.wrap(inner.wrap(next));
        }
        return out;
    }
}
