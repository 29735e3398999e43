package dev.kgw.telemetry.otel;

import dev.kgw.router.Exchange;
import dev.kgw.router.RequestObserver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The router layer: {@code http.server.request.duration} by method, route and status, skip paths left out. */
final class ServerMetrics implements RequestObserver {
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    /** The semantic conventions' buckets for seconds (the SDK's defaults are meant for milliseconds). */
    static final List<Double> SECONDS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0,
            7.5, 10.0);

    private final DoubleHistogram duration;
    private final OtelOptions options;
    /** Attribute sets are reused per (method, route, status): no allocation per request once warm. */
    private final ConcurrentHashMap<String, Attributes> attributes = new ConcurrentHashMap<>();

    ServerMetrics(Meter meter, OtelOptions options) {
        this.options = options;
        this.duration = meter.histogramBuilder("http.server.request.duration").setUnit("s")
                .setDescription("Requests answered by this node, by method, route and status")
                .setExplicitBucketBoundariesAdvice(SECONDS).build();
    }

    @Override
    public void onResponse(Exchange req, String route, int status, long durationNanos) {
        if (options.skips(req.path())) return;
        String method = req.method();
        Attributes attrs = attributes.computeIfAbsent(method + ' ' + route + ' ' + status,
                k -> Attributes.of(METHOD, method, ROUTE, route, STATUS, (long) status));
        duration.record(durationNanos / 1e9, attrs);
    }
}
