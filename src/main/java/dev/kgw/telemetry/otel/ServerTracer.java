package dev.kgw.telemetry.otel;

import dev.kgw.router.Exchange;
import dev.kgw.router.RequestTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The router layer's span, one per request, named by its path as krakend-otel names it. A caller's W3C
 * {@code traceparent} makes it a child of the caller's trace (unless {@code disable_propagation}); the context
 * travels down the pipeline as the request's trace.
 */
final class ServerTracer implements RequestTracer {
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
    private static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");

    private static final TextMapGetter<Exchange> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Exchange carrier) { return carrier.headerNames(); }

        @Override
        public String get(Exchange carrier, String key) {
            return carrier == null ? null : carrier.header(key);
        }
    };

    private final Tracer tracer;
    private final OtelOptions options;

    ServerTracer(Tracer tracer, OtelOptions options) {
        this.tracer = tracer;
        this.options = options;
    }

    @Override
    public Object start(Exchange req) {
        String path = req.path();
        if (options.skips(path)) return null;
        Context parent = options.layers().disablePropagation() ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), req, HEADERS);
        Span span = tracer.spanBuilder(path).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(ServerMetrics.METHOD, req.method())
                .setAttribute(URL_PATH, path)
                .setAttribute(URL_SCHEME, req.tls() ? "https" : "http")
                .startSpan();
        if (span.isRecording() && !req.remoteAddress().isEmpty()) {
            span.setAttribute(CLIENT_ADDRESS, req.remoteAddress());
        }
        if (span.isRecording() && options.layers().global().reportHeaders()) {
            for (String name : req.headerNames()) {
                span.setAttribute("http.request.header." + name.toLowerCase(), String.join(", ", req.headers(name)));
            }
        }
        return parent.with(span);
    }

    @Override
    public void end(Object trace, Exchange req, String route, int status) {
        Span span = Span.fromContext((Context) trace);
        if (span.isRecording()) {
            if (!route.isEmpty()) span.setAttribute(ServerMetrics.ROUTE, route);
            span.setAttribute(ServerMetrics.STATUS, (long) status);
            if (status >= 500) span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
