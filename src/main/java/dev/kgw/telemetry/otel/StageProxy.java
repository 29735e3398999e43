package dev.kgw.telemetry.otel;

import dev.kgw.proxy.BackendException;
import dev.kgw.proxy.HeaderNames;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Request;
import dev.kgw.proxy.Response;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One instrumented stage: times the proxy it wraps and, when tracing, runs it inside a span of its own. */
final class StageProxy implements Proxy {
    private static final AttributeKey<String> STAGE = AttributeKey.stringKey("krakend.stage");
    private static final AttributeKey<Boolean> ERROR = AttributeKey.booleanKey("error");
    private static final AttributeKey<Boolean> CANCELED = AttributeKey.booleanKey("canceled");
    private static final AttributeKey<Boolean> COMPLETE = AttributeKey.booleanKey("complete");
    private static final AttributeKey<String> ERROR_MESSAGE = AttributeKey.stringKey("error");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    /** Pipeline headers are canonical ({@code Traceparent}); HTTP does not care about case. */
    private static final TextMapSetter<Map<String, List<String>>> HEADERS =
            (carrier, key, value) -> carrier.put(HeaderNames.canonical(key), List.of(value));

    private final Proxy next;
    private final String spanName;
    private final Attributes spanAttributes;
    private final DoubleHistogram duration;
    private final Tracer tracer;
    private final SpanKind kind;
    private final boolean propagate;
    private final boolean reportHeaders;
    /** The metric's attribute sets by outcome, built once: index = error*2 + complete. */
    private final Attributes[] outcomes = new Attributes[4];

    StageProxy(Proxy next, String stage, String spanName, Attributes attributes, DoubleHistogram duration,
               Tracer tracer, SpanKind kind, boolean propagate, boolean reportHeaders) {
        this.next = next;
        this.spanName = spanName;
        this.spanAttributes = attributes.toBuilder().put(STAGE, stage).build();
        this.duration = duration;
        this.tracer = tracer;
        this.kind = kind;
        this.propagate = propagate;
        this.reportHeaders = reportHeaders;
        for (int i = 0; i < 4; i++) {
            outcomes[i] = attributes.toBuilder().put(ERROR, i >= 2).put(CANCELED, false).put(COMPLETE, i % 2 == 1)
                    .build();
        }
    }

    @Override
    public Future<Response> handle(Request request) {
        long start = System.nanoTime();
        Span span = null;
        Request r = request;
        if (tracer != null) {
            Context parent = request.trace instanceof Context c ? c : Context.root();
            span = tracer.spanBuilder(spanName).setParent(parent).setSpanKind(kind).setAllAttributes(spanAttributes)
                    .startSpan();
            Context context = parent.with(span);
            r = request.copy();
            r.trace = context;
            if (propagate) {
                // the backend learns which trace it serves, sampled or not
                Map<String, List<String>> headers = new LinkedHashMap<>(request.headers);
                W3CTraceContextPropagator.getInstance().inject(context, headers, HEADERS);
                r.headers = headers;
                if (span.isRecording() && request.url != null) span.setAttribute(URL_FULL, request.url);
            }
            if (reportHeaders && span.isRecording()) {
                Span s = span;
                request.headers.forEach((k, v) -> s.setAttribute("http.request.header." + k.toLowerCase(),
                        String.join(", ", v)));
            }
        }
        Future<Response> f;
        try {
            f = next.handle(r);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        Span ending = span;
        return f.andThen(ar -> {
            boolean error = ar.failed() || ar.result().error != null;
            boolean complete = ar.succeeded() && ar.result().complete;
            if (duration != null) duration.record((System.nanoTime() - start) / 1e9, outcomes[(error ? 2 : 0) + (complete ? 1 : 0)]);
            if (ending != null) end(ending, ar, error, complete);
        });
    }

    private static void end(Span span, AsyncResult<Response> ar, boolean error, boolean complete) {
        if (span.isRecording()) {
            Throwable cause = ar.failed() ? ar.cause() : ar.result().error;
            long status = ar.succeeded() ? (ar.result().status > 0 ? ar.result().status : 200)
                    : cause instanceof BackendException be && be.statusCode() > 0 ? be.statusCode() : 500;
            span.setAttribute(ServerMetrics.STATUS, status);
            span.setAttribute(COMPLETE, complete);
            if (error) {
                span.setAttribute(ERROR_MESSAGE, String.valueOf(cause == null ? "error" : cause.getMessage()));
                span.setStatus(StatusCode.ERROR);
            }
        }
        span.end();
    }
}
