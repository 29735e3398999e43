package dev.kgw.telemetry.otel;

import dev.kgw.proxy.ProxyStages;
import dev.kgw.router.ListenerCounters;
import dev.kgw.router.RequestObserver;
import dev.kgw.router.RequestTracer;
import dev.kgw.telemetry.NodeIdentity;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import dev.kgw.spi.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The node's OpenTelemetry: one meter provider (Prometheus scrape endpoints and OTLP pushes) and one tracer
 * provider (OTLP), both built from {@code telemetry/opentelemetry} at start-up and owned by the node, never
 * registered globally. Every series and span carries the node's identity ({@code service.instance.id},
 * host:port) and its config fingerprint, so a cluster sums up and its nodes can still be told apart.
 * What it hands out plugs into the three layers: {@link #observer()} (router metrics), {@link #tracer()} (router
 * spans) and {@link #hooks()} (proxy and backend metrics and spans).
 */
public final class NodeTelemetry implements AutoCloseable {
    private final OtelOptions options;
    private final SdkMeterProvider meters;
    private final SdkTracerProvider tracers;
    private final Meter meter;
    private final Tracer tracer;

    /**
     * @param portOverride replaces the Prometheus exporter's port (several nodes of one file on one host), or null
     */
    public NodeTelemetry(OtelOptions options, String fingerprint, int nodePort, Integer portOverride) {
        this.options = options;
        Resource resource = resource(options, fingerprint, nodePort);
        this.meters = options.exportsMetrics() ? meterProvider(options, resource, portOverride) : null;
        this.tracers = options.exportsTraces() ? tracerProvider(options, resource) : null;
        this.meter = meters == null ? null : meters.get("kgw");
        this.tracer = tracers == null ? null : tracers.get("kgw");
        if (meter != null) {
            meter.gaugeBuilder("kgw.config").ofLongs().setDescription("1, labelled with the config fingerprint")
                    .buildWithCallback(m -> m.record(1, Attributes.of(AttributeKey.stringKey("fingerprint"),
                            fingerprint)));
            if (options.processMetrics()) ProcessMetrics.process(meter);
            if (options.runtimeMetrics()) ProcessMetrics.runtime(meter);
        }
    }

    /**
     * The counters and gauges other parts of the node keep ({@code ratelimit.local.decisions},
     * {@code circuitbreaker.state}), as {@code kgw.<name>}: one instrument per name, one series per label set.
     */
    public void counters(List<Node.Counter> counters) {
        if (meter == null) return;
        Map<String, List<Node.Counter>> byName = new LinkedHashMap<>();
        counters.forEach(c -> byName.computeIfAbsent(c.name(), n -> new ArrayList<>()).add(c));
        byName.forEach((name, series) -> {
            List<Attributes> labels = series.stream().map(c -> {
                AttributesBuilder b = Attributes.builder();
                c.labels().forEach(b::put);
                return b.build();
            }).toList();
            Node.Counter first = series.get(0);
            Consumer<ObservableLongMeasurement> read = m -> {
                for (int i = 0; i < series.size(); i++) m.record(series.get(i).value().getAsLong(), labels.get(i));
            };
            if (first.gauge()) {
                meter.gaugeBuilder("kgw." + name).ofLongs().setDescription(first.description()).buildWithCallback(read);
            } else {
                meter.counterBuilder("kgw." + name).setDescription(first.description()).buildWithCallback(read);
            }
        });
    }

    /**
     * The listener's state next to the request metrics: open connections and requests in flight (gauges), what it
     * refused or closed (counters, by {@code reason}). Read at export time; nothing per request.
     */
    public void listener(ListenerCounters c) {
        if (meter == null) return;
        meter.upDownCounterBuilder("kgw.server.connections").setDescription("Client connections open")
                .buildWithCallback(m -> m.record(c.openConnections()));
        meter.upDownCounterBuilder("kgw.server.requests.in_flight")
                .setDescription("Requests whose head arrived and whose response is not written yet")
                .buildWithCallback(m -> m.record(c.inFlight()));
        AttributeKey<String> reason = AttributeKey.stringKey("reason");
        Attributes maxConnections = Attributes.of(reason, "max_connections");
        meter.counterBuilder("kgw.server.connections.refused")
                .setDescription("Connections closed at once, by reason")
                .buildWithCallback(m -> m.record(c.refusedConnections(), maxConnections));
        Attributes maxInFlight = Attributes.of(reason, "max_in_flight");
        Attributes badHost = Attributes.of(reason, "host");
        Attributes timeout = Attributes.of(reason, "read_timeout");
        Attributes writeTimeout = Attributes.of(reason, "write_timeout");
        meter.counterBuilder("kgw.server.requests.refused")
                .setDescription("Requests the listener answered or cut itself (503 past max_in_flight, 400 for a "
                        + "missing or repeated Host, a head or body that took too long, a response not written in "
                        + "time), by reason")
                .buildWithCallback(m -> {
                    m.record(c.refusedRequests(), maxInFlight);
                    m.record(c.badRequests(), badHost);
                    m.record(c.readTimeouts(), timeout);
                    m.record(c.writeTimeouts(), writeTimeout);
                });
    }

    /** The router layer's metrics, or null when nothing measures it. */
    public RequestObserver observer() {
        return meter != null && options.layers().global().metrics() ? new ServerMetrics(meter, options) : null;
    }

    /** The router layer's spans, or null when nothing traces it. */
    public RequestTracer tracer() {
        return tracer != null && options.layers().global().traces() ? new ServerTracer(tracer, options) : null;
    }

    /** The proxy and backend layers' metrics and spans. */
    public ProxyStages hooks() {
        return meter == null && tracer == null ? ProxyStages.NONE : new StageInstruments(meter, tracer, options);
    }

    /** Pushes out what is pending (last metrics, buffered spans) and stops the scrape endpoints. */
    @Override
    public void close() {
        if (tracers != null) tracers.shutdown().join(5, TimeUnit.SECONDS);
        if (meters != null) meters.shutdown().join(5, TimeUnit.SECONDS);
    }

    private static Resource resource(OtelOptions o, String fingerprint, int nodePort) {
        AttributesBuilder a = Attributes.builder()
                .put("service.name", o.serviceName())
                .put("service.instance.id", NodeIdentity.instance(nodePort))
                .put("host.name", NodeIdentity.hostname())
                .put("kgw.config.fingerprint", fingerprint);
        if (!o.serviceVersion().isEmpty()) a.put("service.version", o.serviceVersion());
        if (!o.deployEnv().isEmpty()) a.put("deployment.environment.name", o.deployEnv());
        return Resource.getDefault().merge(Resource.create(a.build()));
    }

    private static SdkMeterProvider meterProvider(OtelOptions o, Resource resource, Integer portOverride) {
        SdkMeterProviderBuilder builder = SdkMeterProvider.builder().setResource(resource);
        for (OtelOptions.PrometheusExporter e : o.prometheus()) {
            if (e.disableMetrics()) continue;
            builder.registerMetricReader(PrometheusHttpServer.builder()
                    .setHost(e.listenIp())
                    .setPort(portOverride != null ? portOverride : e.port())
                    .setAllowedResourceAttributesFilter(name -> name.equals("service.instance.id")
                            || name.equals("service.name") || name.equals("kgw.config.fingerprint"))
                    .build());
        }
        for (OtelOptions.OtlpExporter e : o.otlp()) {
            if (e.disableMetrics()) continue;
            MetricExporter exporter = e.useHttp()
                    ? OtlpHttpMetricExporter.builder().setEndpoint(e.endpoint() + "/v1/metrics").build()
                    : OtlpGrpcMetricExporter.builder().setEndpoint(e.endpoint()).build();
            int seconds = e.metricPeriodSeconds() > 0 ? e.metricPeriodSeconds() : o.metricReportingPeriodSeconds();
            builder.registerMetricReader(PeriodicMetricReader.builder(exporter)
                    .setInterval(Duration.ofSeconds(seconds)).build());
        }
        return builder.build();
    }

    private static SdkTracerProvider tracerProvider(OtelOptions o, Resource resource) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder().setResource(resource)
                .setSampler(TraceSampling.of(o.traceSampleRate()));
        List<SpanExporter> exporters = new ArrayList<>();
        for (OtelOptions.OtlpExporter e : o.otlp()) {
            if (e.disableTraces()) continue;
            exporters.add(e.useHttp()
                    ? OtlpHttpSpanExporter.builder().setEndpoint(e.endpoint() + "/v1/traces").build()
                    : OtlpGrpcSpanExporter.builder().setEndpoint(e.endpoint()).build());
        }
        // spans are queued on the event loop and exported from the processor's own thread, in batches
        for (SpanExporter exporter : exporters) {
            builder.addSpanProcessor(BatchSpanProcessor.builder(exporter)
                    .setScheduleDelay(Duration.ofSeconds(1)).build());
        }
        return builder.build();
    }
}
