package dev.kgw.telemetry.otel;

import dev.kgw.router.RequestObserver;
import dev.kgw.telemetry.NodeIdentity;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The node's metrics through the OpenTelemetry SDK, scraped by Prometheus from the exporter's own port. Every series
 * carries the node's identity ({@code service_instance_id}) and its config fingerprint, so a cluster sums up
 * and its nodes can still be told apart; {@code kgw_config_info} is 1 with the fingerprint as a label.
 */
public final class NodeMetrics implements RequestObserver, AutoCloseable {
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final SdkMeterProvider provider;
    private final List<PrometheusHttpServer> servers = new ArrayList<>();
    private final DoubleHistogram duration;
    private final Set<String> skipExact;
    private final List<String> skipPrefixes;
    /** Attribute sets are reused per (method, route, status): no allocation per request once warm. */
    private final ConcurrentHashMap<String, Attributes> attributes = new ConcurrentHashMap<>();

    public NodeMetrics(OtelOptions options, String fingerprint, int nodePort, Integer portOverride) {
        String instance = NodeIdentity.instance(nodePort);
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), options.serviceName(),
                AttributeKey.stringKey("service.instance.id"), instance,
                AttributeKey.stringKey("kgw.config.fingerprint"), fingerprint)));
        SdkMeterProviderBuilder builder = SdkMeterProvider.builder().setResource(resource);
        for (OtelOptions.PrometheusExporter e : options.prometheus()) {
            PrometheusHttpServer server = PrometheusHttpServer.builder()
                    .setHost(e.listenIp())
                    .setPort(portOverride != null ? portOverride : e.port())
                    .setAllowedResourceAttributesFilter(name -> name.equals("service.instance.id")
                            || name.equals("service.name") || name.equals("kgw.config.fingerprint"))
                    .build();
            servers.add(server);
            builder.registerMetricReader(server);
        }
        provider = builder.build();
        Meter meter = provider.get("kgw");
        duration = meter.histogramBuilder("http.server.request.duration").setUnit("s")
                .setDescription("Requests answered by this node, by method, route and status")
                // the semantic conventions' buckets for seconds (the SDK's defaults are meant for milliseconds)
                .setExplicitBucketBoundariesAdvice(List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
                        2.5, 5.0, 7.5, 10.0))
                .build();
        meter.gaugeBuilder("kgw.config.info").ofLongs().setDescription("1, labelled with the config fingerprint")
                .buildWithCallback(m -> m.record(1, Attributes.of(AttributeKey.stringKey("fingerprint"), fingerprint)));
        this.skipExact = options.skipPaths();
        this.skipPrefixes = options.skipPaths().stream().filter(p -> p.endsWith("/*"))
                .map(p -> p.substring(0, p.length() - 1)).toList();
    }

    @Override
    public void onResponse(HttpServerRequest req, String route, int status, long durationNanos) {
        String path = req.path();
        if (skipExact.contains(path)) return;
        for (String prefix : skipPrefixes) if (path.startsWith(prefix)) return;
        String method = req.method().name();
        Attributes attrs = attributes.computeIfAbsent(method + ' ' + route + ' ' + status,
                k -> Attributes.of(METHOD, method, ROUTE, route, STATUS, (long) status));
        duration.record(durationNanos / 1e9, attrs);
    }

    /** Pushes out what is pending and stops the scrape endpoints. */
    @Override
    public void close() {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }
}
