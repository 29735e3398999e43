package dev.kgw.proxy;

import dev.kgw.backend.BackendHttpOptions;
import dev.kgw.backend.ClientInterceptor;
import dev.kgw.backend.Decoder;
import dev.kgw.backend.HttpExecutor;
import dev.kgw.backend.UpstreamCall;
import dev.kgw.backend.UpstreamResponse;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The innermost proxy of a backend: one HTTP call, then lura's status handler (only 200 and 201 succeed), the
 * decoder and the entity formatter. With {@code no-op} nothing is checked or decoded: status, headers and a
 * body stream go back as they came.
 */
public final class HttpBackendProxy implements Proxy {
    private final HttpExecutor http;
    private final String method;
    private final String urlPattern;
    private final boolean noop;
    private final Decoder decoder;
    private final UnaryOperator<Map<String, Object>> formatter;
    private final BackendHttpOptions errors;
    /** A sequential step after this one reads the whole no-op body ({@code {resp0}}), so buffer it. */
    private final boolean bufferNoop;
    /** The namespaces' interceptors around each HTTP call of this backend; null when there are none. */
    private final ClientInterceptor interceptors;

    public HttpBackendProxy(HttpExecutor http, String method, String urlPattern, boolean noop, Decoder decoder,
                            UnaryOperator<Map<String, Object>> formatter, BackendHttpOptions errors, boolean bufferNoop,
                            ClientInterceptor interceptors) {
        this.interceptors = interceptors;
        this.http = http;
        this.method = method;
        this.urlPattern = urlPattern;
        this.noop = noop;
        this.decoder = decoder;
        this.formatter = formatter;
        this.errors = errors;
        this.bufferNoop = bufferNoop;
    }

    @Override
    public Future<Response> handle(Request r) {
        String url = r.url;
        String forwarded = QueryEncoding.encode(r.query);
        if (!r.rawQuery.isEmpty() || !forwarded.isEmpty()) {
            url += "?" + (r.rawQuery.isEmpty() ? forwarded : forwarded.isEmpty() ? r.rawQuery : r.rawQuery + "&" + forwarded);
        }
        boolean chunked = !r.headers.containsKey("Content-Length");
        UpstreamCall call = new UpstreamCall(r.method, url, r.headers, r.body, r.bodyStream, chunked, r.deadlineNanos,
                errors.sendBodyOnRedirect(), noop && !bufferNoop, errors.maxResponseSize());
        return http.execute(call, interceptors).map(up -> {
                    // the decoded answer lives until the endpoint's answer is written
                    if (r.memory != null) r.memory.hold(up.reserved());
                    else http.release(up);
                    return toResponse(up);
                });
    }

    private Response toResponse(UpstreamResponse up) {
        if (noop) {
            Response resp = new Response(new LinkedHashMap<>(), false);
            resp.status = up.status();
            resp.headers = up.headers();
            resp.stream = up.stream();
            resp.cancelStream = up.abandon();
            resp.raw = up.body();
            return resp;
        }
        if (up.status() != 200 && up.status() != 201) {
            String body = up.body() == null ? "" : up.body().toString(StandardCharsets.UTF_8);
            if (!errors.returnErrorDetails().isEmpty()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("http_status_code", up.status());
                detail.put("http_body", body);
                detail.put("http_body_encoding", up.contentType());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("error_" + errors.returnErrorDetails(), detail);
                return new Response(data, false);
            }
            throw new BackendException("invalid status code " + up.status() + " [" + method + " " + urlPattern + "]: "
                    + up.finalUrl(), errors.returnErrorCode() ? up.status() : 0, body, up.contentType());
        }
        Map<String, Object> data;
        try {
            data = decoder.decode(up.body() == null ? new byte[0] : up.body().getBytes());
        } catch (RuntimeException e) {
            throw new BackendException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        // as in lura, upstream headers reach the client only with no-op
        return new Response(formatter.apply(data), true);
    }

}
