package dev.kgw.router;

import dev.kgw.Build;
import dev.kgw.backend.BodyBudget;
import dev.kgw.backend.HopByHop;
import dev.kgw.config.EndpointConfig;
import dev.kgw.proxy.Attributes;
import dev.kgw.proxy.BackendException;
import dev.kgw.proxy.HeaderNames;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.ProxyNamespace;
import dev.kgw.proxy.ProxyOptions;
import dev.kgw.proxy.Rejection;
import dev.kgw.proxy.Request;
import dev.kgw.proxy.Response;
import dev.kgw.proxy.UrlTemplate;
import dev.kgw.log.RateLimitedLog;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * lura's endpoint handler: turns the client request into a pipeline {@link Request} under KrakenD's zero-trust
 * rules (only the allowed headers and query strings go on), runs the endpoint's proxy under the endpoint timeout,
 * and writes the answer with KrakenD's envelope: {@code X-Krakend}, {@code X-Krakend-Completed},
 * {@code Cache-Control} for complete non-empty answers, 200 for partial ones, 500 (or the backend's status with
 * {@code return_error_code}) for failures.
 */
final class EndpointHandler {
    private static final Logger LOG = Logger.getLogger(EndpointHandler.class.getName());

    private final EndpointConfig endpoint;
    private final Proxy proxy;
    private final Renderer renderer;
    private final RouterOptions router;
    private final ClientIp clientIp;
    private final boolean allHeaders;
    private final Set<String> headers;
    private final boolean allQuery;
    private final Set<String> query;
    private final CharSequence cacheControl;
    private final long timeoutNanos;
    private final boolean noop;
    private final CharSequence versionHeader;
    /** The namespaces' filters in front of the pipeline (rate limits, auth), in stage order; often none. */
    private final EndpointFilter[] filters;
    private final BodyLimit bodyLimit;
    private final RateLimitedLog failures = new RateLimitedLog(LOG, Duration.ofSeconds(10));

    EndpointHandler(EndpointConfig endpoint, Proxy proxy, Renderer renderer, RouterOptions router,
                    ClientIp clientIp, List<EndpointFilter> filters, BodyBudget budget, CharSequence versionHeader) {
        this.filters = filters.toArray(new EndpointFilter[0]);
        long endpointLimit = endpoint.extra().get(ProxyNamespace.NAME, ProxyOptions.class)
                .map(ProxyOptions::maxPayload).orElse(0L);
        // the service bound is checked first, then the endpoint's: the smaller one wins (KrakenD EE's rule)
        this.bodyLimit = new BodyLimit(endpointLimit > 0 ? Math.min(endpointLimit, router.maxPayload())
                : router.maxPayload(), budget);
        this.endpoint = endpoint;
        this.proxy = proxy;
        this.renderer = renderer;
        this.router = router;
        this.clientIp = clientIp;
        this.allHeaders = endpoint.inputHeaders().contains("*");
        this.headers = endpoint.inputHeaders().isEmpty() ? Set.of("Content-Type")
                : endpoint.inputHeaders().stream().map(HeaderNames::canonical).collect(Collectors.toUnmodifiableSet());
        this.allQuery = endpoint.inputQueryStrings().contains("*");
        this.query = Set.copyOf(endpoint.inputQueryStrings());
        long ttl = endpoint.cacheTtl().getSeconds();
        this.cacheControl = endpoint.cacheTtl().isZero() ? null : HttpHeaders.createOptimized("public, max-age=" + ttl);
        this.timeoutNanos = endpoint.timeout().toNanos();
        this.noop = "no-op".equals(endpoint.outputEncoding());
        this.versionHeader = versionHeader;
    }

    void handle(ServerRequest req, Map<String, String> rawParams, HttpExchange exchange) {
        if (filters.length == 0) {
            admitted(req, rawParams, exchange);
            return;
        }
        HttpExchange ex = exchange != null ? exchange : new HttpExchange(req, clientIp);
        ex.params(rawParams);
        // a filter may answer later (Redis): hold the body until we know what to do with it
        req.pause();
        filter(0, ex).onComplete(ar -> {
            if (ar.succeeded()) {
                admitted(req, rawParams, ex);
            } else if (ar.cause() instanceof Rejection r) {
                Rejections.write(req.response(), r);
            } else {
                failures.log(Level.WARNING, () -> "[ENDPOINT: " + endpoint.method() + " " + endpoint.endpoint()
                        + "] a filter failed: " + ar.cause());
                if (!req.response().ended()) req.response().setStatusCode(500).end();
            }
            if (!noop || !hasBody(req)) req.resume(); // a no-op body resumes when it is piped to the backend
        });
    }

    /** Runs the filters from {@code i} on; those that answer at once cost no future composition. */
    private Future<Void> filter(int i, HttpExchange ex) {
        for (; i < filters.length; i++) {
            Future<Void> f;
            try {
                f = filters[i].filter(ex);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
            if (f.isComplete()) {
                if (f.failed()) return f;
                continue;
            }
            int next = i + 1;
            return f.compose(v -> filter(next, ex));
        }
        return EndpointFilter.PASS;
    }

    private void admitted(ServerRequest req, Map<String, String> rawParams, HttpExchange ex) {
        Object trace = ex == null ? null : ex.trace;
        Attributes attributes = ex == null ? null : ex.attributesIfAny();
        ServerResponse resp = req.response();
        resp.putHeader(X_KRAKEND, versionHeader);
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : rawParams.entrySet()) {
            String value = p.getValue();
            if (PathDecoding.hasControlByte(value)
                    || (!router.disablePathDecoding() && PathDecoding.isSuspicious(value))) {
                resp.setStatusCode(400).end();
                return;
            }
            params.put(UrlTemplate.paramKey(p.getKey()), value);
        }
        if (ex != null && ex.extraParams() != null) {
            ex.extraParams().forEach((k, v) -> params.put(UrlTemplate.paramKey(k), v));
        }
        if (bodyLimit.declaredTooLarge(req)) {
            BodyLimit.refuse(req, 413);
            return;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        if (noop) {
            // reverse-proxy mode: the body goes to the backend as it arrives, never held in memory
            Request request = new Request(req.method().name(), req.path(), filterQuery(req), params,
                    filterHeaders(req), null, deadline);
            request.trace = trace;
            request.attributes = attributes;
            if (hasBody(req)) {
                req.pause();
                request.bodyStream = bodyLimit.stream(req);
            }
            run(req, resp, request);
            return;
        }
        bodyLimit.readThen(req, read -> {
            Buffer body = read.length() == 0 ? null : read;
            Request request = new Request(req.method().name(), req.path(), filterQuery(req), params,
                    filterHeaders(req), body, deadline);
            request.trace = trace;
            request.attributes = attributes;
            request.memory = bodyLimit.ticket();
            request.memory.hold(read.length());
            run(req, resp, request);
        });
    }

    private void run(ServerRequest req, ServerResponse resp, Request request) {
        Future<Response> f;
        try {
            f = proxy.handle(request);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        // no timer here: the backend calls and the mergers end at the request's deadline themselves
        f.onComplete(ar -> {
            if (request.memory != null) request.memory.close(); // written, or never will be
            if (request.bodyStream instanceof BodyLimit.Counted c && c.exceeded()) {
                BodyLimit.refuse(req, 413); // the backend call failed because its body was cut at the bound
                return;
            }
            write(req, resp, ar.succeeded() ? ar.result() : null, ar.succeeded() ? ar.result().error : ar.cause(),
                    request.deadlineNanos);
            // a streamed (no-op) body the backend never took: read and drop the rest, or the connection stalls
            if (request.bodyStream != null && !req.isEnded()) req.resume();
        });
    }

    private void write(ServerRequest req, ServerResponse resp, Response r, Throwable err, long deadline) {
        if (resp.ended() || resp.closed() || resp.headWritten()) {
            if (r != null && r.stream != null && resp.closed()) r.stream.resume();
            return;
        }
        if (err != null) {
            // names the endpoint, and through the error the backend call (method and URL) that failed; a dead
            // backend fails every request, so one line per endpoint per interval says how many were left out
            failures.log(Level.WARNING, () -> "[ENDPOINT: " + endpoint.method() + " " + endpoint.endpoint() + "] "
                    + String.valueOf(err.getMessage() == null ? err : err.getMessage()).replace('\n', ';'));
        }
        if (r == null) {
            writeError(resp, err);
            return;
        }
        boolean hasData = r.data != null && !r.data.isEmpty();
        if (hasData && r.complete) {
            resp.putHeader(X_KRAKEND_COMPLETED, TRUE);
            if (cacheControl != null) resp.putHeader(CACHE_CONTROL, cacheControl);
        } else {
            resp.putHeader(X_KRAKEND_COMPLETED, FALSE);
        }
        if (noop) {
            writeNoop(resp, r, deadline);
            return;
        }
        Renderer.Rendered out;
        try {
            out = renderer.render(req, r);
        } catch (RuntimeException e) {
            resp.headers().remove("Cache-Control");
            writeError(resp, e);
            return;
        }
        resp.setStatusCode(200).putHeader(CONTENT_TYPE, out.contentType()).end(out.body());
    }

    private void writeError(ServerResponse resp, Throwable err) {
        if (err instanceof Rejection r && r.isAnswer()) {
            resp.headers().remove(X_KRAKEND).remove(X_KRAKEND_COMPLETED).remove(CACHE_CONTROL);
            Rejections.write(resp, r);
            return;
        }
        resp.putHeader(X_KRAKEND_COMPLETED, FALSE);
        if (err instanceof Rejection r) {
            // a pipeline stage said no (CEL, JSON Schema, a backend rate limit): its status, headers and body
            Rejections.write(resp, r);
            return;
        }
        int status = err instanceof BackendException be && be.statusCode() > 0 ? be.statusCode() : 500;
        resp.setStatusCode(status);
        if (!router.returnErrorMsg()) {
            resp.end();
            return;
        }
        String contentType = "text/plain; charset=utf-8";
        String message = err == null ? "internal server error" : err.getMessage();
        if (err instanceof BackendException be && be.statusCode() > 0) {
            message = be.body();
            if (be.contentType() != null && !be.contentType().isEmpty()) contentType = be.contentType();
        }
        resp.putHeader("Content-Type", contentType).end(message == null ? "" : message);
    }

    private static void writeNoop(ServerResponse resp, Response r, long deadline) {
        resp.setStatusCode(r.status);
        if (r.headers != null) {
            MultiMap out = resp.headers();
            for (Map.Entry<String, String> h : r.headers) {
                String name = h.getKey();
                if (HopByHop.is(name) || name.equalsIgnoreCase("X-Krakend")
                        || name.equalsIgnoreCase("X-Krakend-Completed") || corsSetByGateway(out, name)) {
                    continue;
                }
                out.add(name, h.getValue());
            }
        }
        if (r.stream == null) {
            resp.end(r.raw == null ? Buffer.buffer() : r.raw);
            return;
        }
        if (!resp.headers().contains("Content-Length")) resp.setChunked(true);
        // the endpoint timeout bounds the whole exchange, body included, as lura's context does: an endless or
        // stalled upstream body is cut there instead of holding a connection (and a pooled one) for ever
        long millis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        Vertx vertx = Vertx.currentContext().owner();
        long timer = vertx.setTimer(millis, id -> {
            // the client's side first: a reset, never a clean last chunk, so it knows the body was cut
            if (!resp.ended() && !resp.closed()) resp.reset();
            if (r.cancelStream != null) r.cancelStream.run();
        });
        r.stream.pipeTo(resp).onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.failed() && !resp.ended() && !resp.closed()) resp.reset();
        });
    }

    /**
     * A backend's {@code Access-Control-*} header the gateway's own CORS filter already set: the gateway's wins. Two
     * {@code Access-Control-Allow-Origin} values make browsers refuse the answer (krakend-ce#392); one the gateway
     * did not set (it denied the origin) still passes, as KrakenD passes it.
     */
    private static boolean corsSetByGateway(MultiMap out, String name) {
        return name.regionMatches(true, 0, "Access-Control-", 0, 15) && out.contains(name);
    }

    private static boolean hasBody(ServerRequest req) {
        String length = req.getHeader("Content-Length");
        if (length != null) return !length.trim().equals("0");
        if (req.getHeader("Transfer-Encoding") != null) return true;
        return req.version() == HttpVersion.HTTP_2 && !req.isEnded();
    }

    private static final List<String> USER_AGENT = List.of(Build.USER_AGENT);
    private static final CharSequence X_KRAKEND = HttpHeaders.createOptimized("X-Krakend");
    private static final CharSequence X_KRAKEND_COMPLETED = HttpHeaders.createOptimized("X-Krakend-Completed");
    private static final CharSequence TRUE = HttpHeaders.createOptimized("true");
    private static final CharSequence FALSE = HttpHeaders.createOptimized("false");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");


    /**
     * KrakenD's zero-trust header rule: only the listed headers (by default just {@code Content-Type}) go on;
     * then the gateway's own {@code X-Forwarded-For}, {@code X-Forwarded-Host} and {@code User-Agent}.
     */
    private Map<String, List<String>> filterHeaders(ServerRequest req) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        MultiMap in = req.headers();
        if (allHeaders) {
            for (String name : in.names()) {
                String canonical = HeaderNames.canonical(name);
                if (canonical.equals("Host") || canonical.equals("X-Forwarded-For")) continue;
                out.put(canonical, in.getAll(name));
            }
        } else {
            // look up only the allowed names: no walk over everything the client sent
            for (String name : headers) {
                if (name.equals("Host") || name.equals("X-Forwarded-For")) continue;
                List<String> values = in.getAll(name);
                if (!values.isEmpty()) out.put(name, values);
            }
        }
        out.put("X-Forwarded-For", List.of(clientIp(req)));
        String host = req.getHeader("Host");
        if (host == null && req.authority() != null) host = req.authority().toString();
        if (host != null) out.put("X-Forwarded-Host", List.of(host));
        if (out.containsKey("User-Agent")) out.put("X-Forwarded-Via", USER_AGENT);
        else out.put("User-Agent", USER_AGENT);
        return out;
    }

    private String clientIp(ServerRequest req) {
        return clientIp.resolve(req.remoteAddress() == null ? "" : req.remoteAddress().hostAddress(), req::getHeader);
    }

    private Map<String, List<String>> filterQuery(ServerRequest req) {
        if (!allQuery && query.isEmpty()) return new LinkedHashMap<>();
        String raw = req.query();
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = unescape(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : unescape(pair.substring(eq + 1));
            if (allQuery || query.contains(k)) out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String unescape(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
