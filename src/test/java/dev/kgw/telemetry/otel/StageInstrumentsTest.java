package dev.kgw.telemetry.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kgw.Namespaces;
import dev.kgw.config.ConfigParser;
import dev.kgw.config.EndpointConfig;
import dev.kgw.config.Problems;
import dev.kgw.proxy.BackendException;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Request;
import dev.kgw.proxy.Response;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StageInstrumentsTest {
    private final List<SpanData> spans = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> batch) {
                    spans.addAll(batch);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() { return CompletableResultCode.ofSuccess(); }

                @Override
                public CompletableResultCode shutdown() { return CompletableResultCode.ofSuccess(); }
            })).build();

    @AfterEach
    void close() { tracers.close(); }

    private static EndpointConfig endpoint(String path) throws Exception {
        String json = "{\"version\": 3, \"endpoints\": [{\"endpoint\": \"" + path + "\", \"backend\": "
                + "[{\"host\": [\"http://h\"], \"url_pattern\": \"/b/{id}\"}]}]}";
        return new ConfigParser(Namespaces.builtIn().registry()).parse(new ObjectMapper().readTree(json), new Problems())
                .endpoints().get(0);
    }

    private OtelOptions options(String layers) throws Exception {
        return (OtelOptions) new OtelNamespace().parse(new ObjectMapper().readTree("{\"layers\": " + layers + "}"),
                "$", new Problems());
    }

    private static Request request() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        Request r = new Request("GET", "/b/1", Map.of(), Map.of(), headers, null, Long.MAX_VALUE);
        r.url = "http://h/b/1";
        return r;
    }

    @Test
    void theBackendSpanIsTheChildOfTheProxySpanAndTravelsToTheBackend() throws Exception {
        EndpointConfig e = endpoint("/users/{id}");
        StageInstruments hooks = new StageInstruments(null, tracers.get("t"), options("{}"));
        List<Request> sent = new CopyOnWriteArrayList<>();
        Proxy backend = r -> {
            sent.add(r);
            return Future.failedFuture(new BackendException("invalid status code 418", 418, "", ""));
        };
        Proxy pipe = hooks.pipe(e).wrap(hooks.backend(e, e.backends().get(0)).wrap(backend));
        Request original = request();
        Future<Response> out = pipe.handle(original);
        assertTrue(out.failed());

        assertEquals(2, spans.size(), spans.toString());
        SpanData call = spans.get(0);
        SpanData proxy = spans.get(1);
        assertEquals(SpanKind.CLIENT, call.getKind());
        assertEquals("/b/{id}", call.getName());
        assertEquals(proxy.getSpanId(), call.getParentSpanId());
        assertEquals("proxy", proxy.getAttributes().get(AttributeKey.stringKey("krakend.stage")));
        assertEquals("/users/{id}", call.getAttributes().get(AttributeKey.stringKey("krakend.endpoint.route")));
        assertEquals(418L, call.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertEquals("http://h/b/1", call.getAttributes().get(AttributeKey.stringKey("url.full")));

        String traceparent = sent.get(0).header("Traceparent");
        assertEquals("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01", traceparent);
        assertEquals(List.of("application/json"), sent.get(0).headers.get("Content-Type"));
        assertNull(original.header("Traceparent"), "the caller's request is left as it was");
    }

    @Test
    void disabledLayersAndSkippedEndpointsAreNotWrapped() throws Exception {
        EndpointConfig e = endpoint("/users/{id}");
        StageInstruments noProxy = new StageInstruments(null, tracers.get("t"),
                options("{\"proxy\": {\"disable_traces\": true}}"));
        assertNull(noProxy.pipe(e), "no tracer, no meter: nothing to wrap");
        assertNotNull(noProxy.backend(e, e.backends().get(0)));
        StageInstruments noBackend = new StageInstruments(null, tracers.get("t"),
                options("{\"backend\": {\"traces\": {\"disable_stage\": true}}}"));
        assertNull(noBackend.backend(e, e.backends().get(0)));
        EndpointConfig health = endpoint("/__debug/x");
        StageInstruments all = new StageInstruments(null, tracers.get("t"), options("{}"));
        assertNull(all.pipe(health), "under the skip paths");
        assertNull(all.backend(health, health.backends().get(0)));
    }

    @Test
    void aPartialAnswerIsAnErrorThatStillCompletes() throws Exception {
        EndpointConfig e = endpoint("/users/{id}");
        StageInstruments hooks = new StageInstruments(null, tracers.get("t"), options("{}"));
        Response partial = new Response(new LinkedHashMap<>(Map.of("a", 1)), false);
        partial.error = new RuntimeException("one backend failed");
        Proxy pipe = hooks.pipe(e).wrap(r -> Future.succeededFuture(partial));
        assertEquals(partial, pipe.handle(request()).result());
        SpanData span = spans.get(0);
        assertEquals(false, span.getAttributes().get(AttributeKey.booleanKey("complete")));
        assertEquals("one backend failed", span.getAttributes().get(AttributeKey.stringKey("error")));
        assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }
}
