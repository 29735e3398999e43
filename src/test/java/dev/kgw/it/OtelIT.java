package dev.kgw.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * telemetry/opentelemetry end to end: the packaged node exports traces over OTLP/gRPC and metrics over OTLP/HTTP to a
 * collector, propagates W3C trace context to its backends, follows its callers' sampling decisions (with a
 * {@code trace_sample_rate} between 0 and 1), and flushes everything when it stops.
 */
class OtelIT {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final String UNSAMPLED_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void tracesAndMetricsReachTheCollectorAndTheTraceReachesTheBackend() throws Exception {
        try (TestBackend backend = new TestBackend(); OtlpCollector collector = new OtlpCollector()) {
            int port = Nodes.freePort();
            Path cfg = dir.resolve("krakend.json");
            Files.writeString(cfg, """
                {"version": 3, "port": %d,
                 "extra_config": {"telemetry/opentelemetry": {
                   "service_name": "kgw-test", "trace_sample_rate": 0.5, "metric_reporting_period": 1,
                   "exporters": {"otlp": [
                     {"name": "traces", "host": "127.0.0.1", "port": %d, "disable_metrics": true},
                     {"name": "metrics", "host": "http://127.0.0.1", "port": %d, "use_http": true,
                      "disable_traces": true}]}}},
                 "endpoints": [
                   {"endpoint": "/traced", "backend": [{"host": ["%s"], "url_pattern": "/traced"}]},
                   {"endpoint": "/both", "backend": [
                     {"host": ["%s"], "url_pattern": "/traced", "group": "a"},
                     {"host": ["%s"], "url_pattern": "/user", "group": "b"}]}]}
                """.formatted(port, collector.port(), collector.port(), backend.url(), backend.url(), backend.url()));
            Process node = new ProcessBuilder(Nodes.command(List.of(), "run", "-c", cfg.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
            String sampledAtBackend;
            String unsampledAtBackend;
            try {
                Nodes.awaitAnswer(client, URI.create("http://127.0.0.1:" + port + "/__health"), node, 30);
                sampledAtBackend = traceparentAtBackend(port, "00-" + TRACE + "-" + CALLER_SPAN + "-01");
                unsampledAtBackend = traceparentAtBackend(port, "00-" + UNSAMPLED_TRACE + "-" + CALLER_SPAN + "-00");
                for (int i = 0; i < 5; i++) assertEquals(200, get(port, "/both", null).statusCode());
            } finally {
                node.destroy(); // SIGTERM: stopping flushes the last spans and metrics, nothing to wait for after
            }
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the node did not stop");
            assertEquals(0, node.exitValue(), Files.readString(dir.resolve("node.log")));

            // the caller's sampled trace goes on to the backend, under a span of the node's own
            String[] sampled = sampledAtBackend.split("-");
            assertEquals(List.of("00", TRACE), List.of(sampled[0], sampled[1]), sampledAtBackend);
            assertNotEquals(CALLER_SPAN, sampled[2]);
            assertEquals("01", sampled[3]);
            // a caller's trace that is not sampled goes on too, still not sampled, and is not exported
            String[] unsampled = unsampledAtBackend.split("-");
            assertEquals(List.of(UNSAMPLED_TRACE, "00"), List.of(unsampled[1], unsampled[3]), unsampledAtBackend);

            List<Span> all = collector.spans.stream().flatMap(rs -> rs.getScopeSpansList().stream())
                    .flatMap(ss -> ss.getSpansList().stream()).toList();
            assertTrue(all.stream().noneMatch(s -> hex(s.getTraceId()).equals(UNSAMPLED_TRACE)), "not sampled");
            List<Span> spans = all.stream().filter(s -> hex(s.getTraceId()).equals(TRACE)).toList();
            assertEquals(3, spans.size(), "router, proxy and backend spans: " + spans);
            Span server = only(spans, Span.SpanKind.SPAN_KIND_SERVER);
            Span proxy = only(spans, Span.SpanKind.SPAN_KIND_INTERNAL);
            Span call = only(spans, Span.SpanKind.SPAN_KIND_CLIENT);
            assertEquals(CALLER_SPAN, hex(server.getParentSpanId()));
            assertEquals("/traced", server.getName());
            assertEquals("/traced", attribute(server.getAttributesList(), "http.route"));
            assertEquals(200L, attribute(server.getAttributesList(), "http.response.status_code"));
            assertEquals(hex(server.getSpanId()), hex(proxy.getParentSpanId()));
            assertEquals("proxy", attribute(proxy.getAttributesList(), "krakend.stage"));
            assertEquals(hex(proxy.getSpanId()), hex(call.getParentSpanId()));
            assertEquals("backend", attribute(call.getAttributesList(), "krakend.stage"));
            assertEquals(sampled[2], hex(call.getSpanId()), "the backend's parent is the node's client span");
            ResourceSpans resource = collector.spans.get(0);
            assertEquals("kgw-test", attribute(resource.getResource().getAttributesList(), "service.name"));
            assertTrue(String.valueOf(attribute(resource.getResource().getAttributesList(), "service.instance.id"))
                    .endsWith(":" + port));

            // metrics are cumulative: the last export holds the totals of all three layers
            ResourceMetrics last = collector.metrics.get(collector.metrics.size() - 1);
            Map<String, Metric> byName = last.getScopeMetricsList().stream().flatMap(s -> s.getMetricsList().stream())
                    .collect(Collectors.toMap(Metric::getName, m -> m));
            assertEquals(5, count(byName.get("http.server.request.duration"), "http.route", "/both"));
            assertEquals(7, count(byName.get("http.server.request.duration"), null, null));
            assertEquals(5, count(byName.get("krakend.proxy.duration"), "http.route", "/both"));
            assertEquals(10, count(byName.get("krakend.backend.duration"), "krakend.endpoint.route", "/both"));
            assertEquals(2, count(byName.get("krakend.backend.duration"), "krakend.endpoint.route", "/traced"));
            assertTrue(byName.containsKey("kgw.config"), byName.keySet().toString());

            assertTrue(collector.protocols.contains("grpc traces"), collector.protocols.toString());
            assertTrue(collector.protocols.contains("http metrics"), collector.protocols.toString());
            assertTrue(collector.protocols.stream().allMatch(p -> p.equals("grpc traces") || p.equals("http metrics")),
                    "each exporter sends only what it is for: " + collector.protocols);
        }
    }

    private String traceparentAtBackend(int port, String traceparent) throws Exception {
        HttpResponse<String> r = get(port, "/traced", traceparent);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("traceparent");
    }

    private HttpResponse<String> get(int port, String path, String traceparent) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (traceparent != null) b.header("traceparent", traceparent);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Span only(List<Span> spans, Span.SpanKind kind) {
        List<Span> of = spans.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, of.size(), kind + ": " + spans);
        return of.get(0);
    }

    /** Requests counted by a histogram's data points, those with the attribute value only when one is given. */
    private static long count(Metric m, String key, String value) {
        assertTrue(m != null && m.hasHistogram(), "a histogram");
        return m.getHistogram().getDataPointsList().stream()
                .filter(p -> key == null || value.equals(attribute(p.getAttributesList(), key)))
                .mapToLong(HistogramDataPoint::getCount).sum();
    }

    private static Object attribute(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (!kv.getKey().equals(key)) continue;
            AnyValue v = kv.getValue();
            return v.hasIntValue() ? (Object) v.getIntValue() : v.hasBoolValue() ? (Object) v.getBoolValue()
                    : v.getStringValue();
        }
        return null;
    }

    private static String hex(ByteString id) { return HexFormat.of().formatHex(id.toByteArray()); }
}
