package dev.kgw.telemetry.otel;

import dev.kgw.config.BackendConfig;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.ProxyStages;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;

/**
 * The proxy and backend layers, as krakend-otel instruments lura's pipe and backend: a duration histogram per
 * stage ({@code krakend.proxy.duration}, {@code krakend.backend.duration}, with {@code error}, {@code canceled}
 * and {@code complete}) and a span per stage; the backend span is a client span whose context goes to the
 * backend in W3C {@code traceparent}. Endpoints under the skip paths are not instrumented at all.
 */
final class StageInstruments implements ProxyStages {
    private static final AttributeKey<String> ENDPOINT_ROUTE = AttributeKey.stringKey("krakend.endpoint.route");
    private static final AttributeKey<String> ENDPOINT_METHOD = AttributeKey.stringKey("krakend.endpoint.method");

    private final Tracer tracer;
    private final OtelOptions options;
    private final DoubleHistogram proxyDuration;
    private final DoubleHistogram backendDuration;

    StageInstruments(Meter meter, Tracer tracer, OtelOptions options) {
        this.tracer = tracer;
        this.options = options;
        this.proxyDuration = meter == null || !options.layers().proxy().metrics() ? null
                : histogram(meter, "krakend.proxy.duration", "Time in each endpoint's pipe (merge included)");
        this.backendDuration = meter == null || !options.layers().backend().metrics() ? null
                : histogram(meter, "krakend.backend.duration", "Time of each backend call (decoding included)");
    }

    private static DoubleHistogram histogram(Meter meter, String name, String description) {
        return meter.histogramBuilder(name).setUnit("s").setDescription(description)
                .setExplicitBucketBoundariesAdvice(ServerMetrics.SECONDS).build();
    }

    @Override
    public Middleware pipe(EndpointConfig e) {
        if (options.skips(e.endpoint())) return null;
        Tracer t = tracer != null && options.layers().proxy().traces() ? tracer : null;
        if (proxyDuration == null && t == null) return null;
        Attributes attrs = Attributes.of(ServerMetrics.METHOD, e.method(), ServerMetrics.ROUTE, e.endpoint());
        return next -> new StageProxy(next, "proxy", e.endpoint(), attrs, proxyDuration, t, SpanKind.INTERNAL,
                false, options.layers().proxy().reportHeaders());
    }

    @Override
    public Middleware backend(EndpointConfig e, BackendConfig b) {
        if (options.skips(e.endpoint())) return null;
        Tracer t = tracer != null && options.layers().backend().traces() ? tracer : null;
        if (backendDuration == null && t == null) return null;
        Attributes attrs = Attributes.builder()
                .put(ServerMetrics.METHOD, b.method())
                .put(ServerMetrics.ROUTE, b.urlPattern())
                .put(ENDPOINT_ROUTE, e.endpoint())
                .put(ENDPOINT_METHOD, e.method())
                .build();
        return next -> new StageProxy(next, "backend", b.urlPattern(), attrs, backendDuration, t, SpanKind.CLIENT,
                true, options.layers().backend().reportHeaders());
    }
}
