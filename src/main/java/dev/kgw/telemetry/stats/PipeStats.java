package dev.kgw.telemetry.stats;

import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.ProxyStages;

/**
 * The proxy layer ({@code layer.pipe}, named by the endpoint, around the whole pipe) and the backend layer
 * ({@code layer.backend}, named by the {@code url_pattern}, around each HTTP call after the balancer), where
 * krakend-ce puts krakend-metrics' proxy and backend factories. Backends sharing a {@code url_pattern} share
 * their metrics, as in KrakenD.
 */
final class PipeStats implements ProxyStages {
    private final StatsRegistry registry;
    private final boolean proxy;
    private final boolean backend;

    PipeStats(StatsRegistry registry, boolean proxy, boolean backend) {
        this.registry = registry;
        this.proxy = proxy;
        this.backend = backend;
    }

    @Override
    public Middleware pipe(EndpointConfig e) {
        return proxy ? new LayerStats(registry, "pipe", e.endpoint()) : null;
    }

    @Override
    public Middleware backend(EndpointConfig e, BackendConfig b) {
        return backend ? new LayerStats(registry, "backend", b.urlPattern()) : null;
    }
}
