package dev.kgw.backend;

import dev.kgw.config.ClientSettings;
import dev.kgw.config.TlsSettings;
import dev.kgw.encoding.GoQuote;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one HTTP client every backend shares: keep-alive pools per host, HTTP/1.1 in clear, HTTP/2 over TLS when the
 * backend offers it (ALPN). Redirects are followed here (up to 10, as Go's client does, adding {@code Referer}),
 * and the call is abandoned when the request's deadline passes.
 */
public final class HttpExecutor {
    private static final int MAX_REDIRECTS = 10;
    /** Set by the client for each exchange itself, whatever the request said. */
    private static final Set<String> CLIENT_SET = Set.of("Host", "Content-Length");

    private final Vertx vertx;
    private final HttpClientAgent plain;
    private final HttpClientAgent tls;
    private final boolean compression;
    private final BodyBudget budget;
    private static final long REDIRECT_BODY_BYTES = 64 << 10;

    public HttpExecutor(Vertx vertx, ClientSettings settings, BodyBudget budget) {
        this.vertx = vertx;
        this.budget = budget;
        this.compression = !settings.disableCompression();
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.maxIdleConnectionsPerHost())
                .setHttp2MaxSize(Math.max(1, settings.maxIdleConnectionsPerHost() / 50));
        this.plain = vertx.createHttpClient(base(settings).setProtocolVersion(HttpVersion.HTTP_1_1), pool);
        HttpClientOptions tlsOptions = base(settings).setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true)
                .setHttp2ClearTextUpgrade(false);
        configureTls(tlsOptions, settings.tls());
        this.tls = vertx.createHttpClient(tlsOptions, pool);
    }

    private static HttpClientOptions base(ClientSettings s) {
        HttpClientOptions o = new HttpClientOptions()
                .setKeepAlive(!s.disableKeepAlives())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true)
                .setDecompressionSupported(!s.disableCompression())
                .setMaxHeaderSize(1 << 20)
                .setMaxInitialLineLength(64 * 1024);
        if (!s.dialerTimeout().isZero()) o.setConnectTimeout((int) s.dialerTimeout().toMillis());
        long idle = s.idleConnectionTimeout().isZero() ? 90 : Math.max(1, s.idleConnectionTimeout().toSeconds());
        o.setKeepAliveTimeout((int) idle);
        return o;
    }

    private static void configureTls(HttpClientOptions o, TlsSettings t) {
        if (t.allowInsecureConnections()) o.setTrustAll(true).setVerifyHost(false);
        if (!t.caCerts().isEmpty()) {
            PemTrustOptions trust = new PemTrustOptions();
            t.caCerts().forEach(trust::addCertPath);
            o.setTrustOptions(trust);
        }
        if (!t.keys().isEmpty()) {
            PemKeyCertOptions keys = new PemKeyCertOptions();
            t.keys().forEach(k -> keys.addCertPath(k.publicKey()).addKeyPath(k.privateKey()));
            o.setKeyCertOptions(keys);
        }
        // without client_tls, Go's client defaults apply: TLS 1.2 to 1.3
        String min = t.disabled() ? "TLS12" : t.minVersion();
        String max = t.disabled() ? "TLS13" : t.maxVersion();
        o.setEnabledSecureTransportProtocols(TlsVersions.between(min, max));
        TlsVersions.cipherNames(t.cipherSuites()).forEach(o::addEnabledCipherSuite);
    }

    /** Sends one call through the backend's interceptors (null: none), then over the wire. */
    public Future<UpstreamResponse> execute(UpstreamCall call, ClientInterceptor interceptors) {
        if (interceptors == null) return execute(call);
        try {
            return interceptors.intercept(call, this::execute);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Sends one call over the wire, following redirects, abandoned at its deadline. */
    public Future<UpstreamResponse> execute(UpstreamCall c) {
        Promise<UpstreamResponse> promise = Promise.promise();
        long remaining = (c.deadlineNanos() - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) return Future.failedFuture(new DeadlineExceededException(c.method(), c.url()));
        Call call = new Call(promise, c);
        call.timer = vertx.setTimer(remaining, id -> call.expire());
        call.bodyStream = c.bodyStream();
        call.send(c.method(), c.url(), toMultiMap(c.headers()), c.body(), 0);
        return promise.future();
    }

    private MultiMap toMultiMap(Map<String, List<String>> headers) {
        MultiMap m = HttpHeaders.headers();
        headers.forEach((k, vs) -> {
            if (!HopByHop.is(k) && !CLIENT_SET.contains(k)) m.add(k, vs);
        });
        if (compression && !m.contains("Accept-Encoding")) m.set("Accept-Encoding", "gzip");
        return m;
    }

    private final class Call {
        final Promise<UpstreamResponse> promise;
        final boolean sendBodyOnRedirect;
        final boolean stream;
        final boolean chunked;
        long timer;
        HttpClientRequest current;
        /** Sent with the first request only: a stream cannot be replayed on a redirect. */
        ReadStream<Buffer> bodyStream;

        final long maxBodyBytes;
        /** The first request's, for error messages. */
        final String method, url;

        Call(Promise<UpstreamResponse> promise, UpstreamCall c) {
            this.promise = promise;
            this.method = c.method();
            this.url = c.url();
            this.sendBodyOnRedirect = c.sendBodyOnRedirect();
            this.stream = c.stream();
            this.chunked = c.chunked();
            this.maxBodyBytes = c.maxBodyBytes();
        }

        void expire() {
            DeadlineExceededException e = new DeadlineExceededException(method, url);
            if (promise.tryFail(e) && current != null) current.reset(0, e);
        }

        void fail(Throwable t) {
            vertx.cancelTimer(timer);
            promise.tryFail(t);
        }

        void send(String method, String url, MultiMap headers, Buffer body, int redirects) {
            RequestOptions options;
            try {
                checkRequestTarget(url);
                options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setAbsoluteURI(url)
                        .setHeaders(headers).setFollowRedirects(false);
            } catch (RuntimeException e) {
                fail(new IllegalArgumentException("invalid backend URL " + GoQuote.quote(url) + ": " + e.getMessage()));
                return;
            }
            HttpClientAgent client = url.startsWith("https:") ? tls : plain;
            client.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    fail(UpstreamFailure.wrap(method, url, ar.cause()));
                    return;
                }
                HttpClientRequest req = ar.result();
                current = req;
                // every failure of this exchange is the call's, never an unhandled one the transport logs bare
                req.exceptionHandler(e -> fail(UpstreamFailure.wrap(method, url, e)));
                if (promise.future().isComplete()) {
                    req.reset();
                    return;
                }
                Future<HttpClientResponse> sent;
                boolean hasBody = body != null && body.length() > 0;
                ReadStream<Buffer> streamed = bodyStream;
                bodyStream = null;
                if (streamed != null) {
                    if (!req.headers().contains(HttpHeaders.CONTENT_LENGTH)) req.setChunked(true);
                    sent = req.send(streamed);
                } else if (hasBody && chunked && req.version() != HttpVersion.HTTP_2) {
                    req.setChunked(true);
                    sent = req.send(body);
                } else if (hasBody) {
                    sent = req.send(body);
                } else {
                    if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                        req.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
                    }
                    sent = req.send();
                }
                sent.onComplete(rr -> {
                    if (rr.failed()) {
                        fail(UpstreamFailure.wrap(method, url, rr.cause()));
                        return;
                    }
                    onResponse(method, url, headers, body, redirects, rr.result());
                });
            });
        }

        void onResponse(String method, String url, MultiMap headers, Buffer body, int redirects,
                        HttpClientResponse resp) {
            int status = resp.statusCode();
            String location = resp.getHeader("Location");
            if (isRedirect(status) && location != null && redirects < MAX_REDIRECTS) {
                // drain so the connection goes back to the pool; a redirect with a large body is not worth it
                ResponseBodies.read(resp, REDIRECT_BODY_BYTES, budget, 1).onComplete(b -> {
                    if (b.succeeded()) budget.release(b.result().length());
                    else abandon(resp);
                });
                String next;
                try {
                    next = URI.create(url).resolve(location).toString();
                } catch (IllegalArgumentException e) {
                    fail(e);
                    return;
                }
                String nextMethod = method;
                Buffer nextBody = body;
                MultiMap nextHeaders = HttpHeaders.headers().addAll(headers);
                if ((status == 301 || status == 302 || status == 303)
                        && !method.equals("GET") && !method.equals("HEAD")) {
                    nextMethod = "GET";
                    nextBody = null;
                    nextHeaders.remove("Content-Type");
                } else if ((status == 307 || status == 308) && !sendBodyOnRedirect) {
                    nextBody = null;
                }
                if (!(url.startsWith("https:") && next.startsWith("http:"))) nextHeaders.set("Referer", url);
                if (!sameHost(url, next)) {
                    nextHeaders.remove("Authorization");
                    nextHeaders.remove("Cookie");
                    nextHeaders.remove("Www-Authenticate");
                }
                send(nextMethod, next, nextHeaders, nextBody, redirects + 1);
                return;
            }
            if (stream) {
                resp.pause();
                vertx.cancelTimer(timer);
                UpstreamResponse up = new UpstreamResponse(status, resp.headers(), null, resp, () -> abandon(resp),
                        url, 0);
                if (!promise.tryComplete(up)) {
                    resp.request().reset();
                }
                return;
            }
            ResponseBodies.read(resp, maxBodyBytes, budget, BodyBudget.DECODE_WEIGHT).onComplete(b -> {
                if (b.failed()) {
                    // a cut body leaves bytes on the wire: this connection cannot carry another request
                    fail(b.cause());
                    if (!(b.cause() instanceof DeadlineExceededException)) abandon(resp);
                    return;
                }
                vertx.cancelTimer(timer);
                UpstreamResponse up = new UpstreamResponse(status, resp.headers(), b.result(), null, null, url,
                        (long) b.result().length() * BodyBudget.DECODE_WEIGHT);
                if (!promise.tryComplete(up)) release(up); // the deadline passed meanwhile: nobody will read it
            });
        }
    }

    /**
     * A URL whose request line could not be written is refused here: the transport would fail the write inside
     * its own queue, where nobody hears of it, and leave the call waiting for its deadline on a connection that
     * never sends. Paths built from url_patterns are already escaped; this guards a redirect's Location too.
     */
    static void checkRequestTarget(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("the URL holds a byte no request line may carry (0x"
                        + Integer.toHexString(c) + " at " + i + ")");
            }
        }
    }

    /**
     * Closes the connection of an answer the node will not read to its end (it cannot carry another request). The
     * failure that caused it is the call's own; the close itself is expected, so its echo is not logged.
     */
    static void abandon(HttpClientResponse resp) {
        HttpConnection c = resp.request().connection();
        c.exceptionHandler(e -> { });
        resp.exceptionHandler(e -> { });
        c.close();
    }

    /** Gives back to the node's budget what a read response body held, when no exchange holds it. */
    public void release(UpstreamResponse up) { budget.release(up.reserved()); }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameHost(String a, String b) {
        try {
            return URI.create(a).getHost().equalsIgnoreCase(URI.create(b).getHost());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Future<Void> close() {
        return Future.all(plain.close(), tls.close()).mapEmpty();
    }
}
