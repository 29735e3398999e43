package dev.kgw.backend;

import dev.kgw.config.ClientSettings;
import dev.kgw.config.TlsSettings;
import dev.kgw.encoding.GoQuote;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
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
 *
 * <p>{@code http://} backends are called through {@link NettyUpstream}, a lean HTTP/1.1 client with a pool per
 * event loop (the backend connection lives on the loop of the client's); {@code https://} ones, and calls made off
 * an event loop, through the Vert.x client. {@code -Dkgw.upstream=vertx} sends everything through the Vert.x client,
 * to compare the two.
 */
public final class HttpExecutor {
    private static final int MAX_REDIRECTS = 10;
    /** Set by the client for each exchange itself, whatever the request said. */
    private static final Set<String> CLIENT_SET = Set.of("Host", "Content-Length");
    /** The system property that picks the upstream client: {@code vertx} for the Vert.x one everywhere. */
    public static final String UPSTREAM_PROPERTY = "kgw.upstream";

    private final Vertx vertx;
    private final HttpClientAgent plainClient;
    private final HttpClientAgent tlsClient;
    private final Transport plain;
    private final Transport tls;
    /** Null when {@code kgw.upstream=vertx}. */
    private final NettyUpstream netty;
    private final boolean compression;
    private final BodyBudget budget;
    private static final long REDIRECT_BODY_BYTES = 64 << 10;

    public HttpExecutor(Vertx vertx, ClientSettings settings, BodyBudget budget) {
        this(vertx, settings, budget, !"vertx".equals(System.getProperty(UPSTREAM_PROPERTY)));
    }

    /** @param useNetty call {@code http://} backends through {@link NettyUpstream} */
    HttpExecutor(Vertx vertx, ClientSettings settings, BodyBudget budget, boolean useNetty) {
        this.vertx = vertx;
        this.budget = budget;
        this.compression = !settings.disableCompression();
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(settings.maxIdleConnectionsPerHost())
                .setHttp2MaxSize(Math.max(1, settings.maxIdleConnectionsPerHost() / 50));
        this.plainClient = vertx.createHttpClient(base(settings).setProtocolVersion(HttpVersion.HTTP_1_1), pool);
        HttpClientOptions tlsOptions = base(settings).setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true)
                .setHttp2ClearTextUpgrade(false);
        configureTls(tlsOptions, settings.tls());
        this.tlsClient = vertx.createHttpClient(tlsOptions, pool);
        this.plain = new VertxTransport(plainClient, budget);
        this.tls = new VertxTransport(tlsClient, budget);
        this.netty = useNetty ? new NettyUpstream(vertx, settings, budget) : null;
    }

    /** Whether {@code http://} calls made on an event loop go through {@link NettyUpstream}. */
    public boolean nettyUpstream() { return netty != null; }

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

    private Transport transportFor(String url) {
        if (url.startsWith("https:")) return tls;
        return netty != null && netty.onEventLoop() ? netty : plain;
    }

    private final class Call implements Handler<AsyncResult<Transport.Answer>> {
        final Promise<UpstreamResponse> promise;
        final boolean sendBodyOnRedirect;
        final boolean stream;
        final boolean chunked;
        long timer;
        Transport.Exchange current;
        /** Sent with the first request only: a stream cannot be replayed on a redirect. */
        ReadStream<Buffer> bodyStream;

        final long maxBodyBytes;
        /** The first request's, for error messages. */
        final String method, url;
        /** The request in flight, for its answer. */
        String sentMethod, sentUrl;
        MultiMap sentHeaders;
        Buffer sentBody;
        int redirects;

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
            if (promise.tryFail(e) && current != null) current.abort(e);
        }

        void fail(Throwable t) {
            vertx.cancelTimer(timer);
            promise.tryFail(t);
        }

        void send(String method, String url, MultiMap headers, Buffer body, int redirects) {
            try {
                checkRequestTarget(url);
            } catch (RuntimeException e) {
                fail(new IllegalArgumentException("invalid backend URL " + GoQuote.quote(url) + ": " + e.getMessage()));
                return;
            }
            sentMethod = method;
            sentUrl = url;
            sentHeaders = headers;
            sentBody = body;
            this.redirects = redirects;
            ReadStream<Buffer> streamed = bodyStream;
            bodyStream = null;
            try {
                current = transportFor(url).send(method, url, headers, body, streamed, chunked, this);
            } catch (RuntimeException e) {
                fail(new IllegalArgumentException("invalid backend URL " + GoQuote.quote(url) + ": " + e.getMessage()));
            }
        }

        @Override
        public void handle(AsyncResult<Transport.Answer> ar) {
            if (ar.failed()) {
                fail(ar.cause());
                return;
            }
            Transport.Answer answer = ar.result();
            if (promise.future().isComplete()) {
                answer.abandon(); // the deadline passed meanwhile
                return;
            }
            onResponse(sentMethod, sentUrl, sentHeaders, sentBody, redirects, answer);
        }

        void onResponse(String method, String url, MultiMap headers, Buffer body, int redirects,
                        Transport.Answer resp) {
            int status = resp.status();
            String location = resp.headers().get("Location");
            if (isRedirect(status) && location != null && redirects < MAX_REDIRECTS) {
                // drain so the connection goes back to the pool; a redirect with a large body is not worth it
                resp.read(REDIRECT_BODY_BYTES, 1, b -> {
                    if (b.succeeded()) budget.release(b.result().length());
                    else resp.abandon();
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
                // what a transport set for the last hop itself is set anew for the next
                CLIENT_SET.forEach(nextHeaders::remove);
                nextHeaders.remove("Transfer-Encoding").remove("Connection");
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
                ReadStream<Buffer> body0 = resp.stream();
                vertx.cancelTimer(timer);
                UpstreamResponse up = new UpstreamResponse(status, resp.headers(), null, body0, resp::abandon, url, 0);
                if (!promise.tryComplete(up)) resp.abandon();
                return;
            }
            resp.read(maxBodyBytes, BodyBudget.DECODE_WEIGHT, b -> {
                if (b.failed()) {
                    // a cut body leaves bytes on the wire: this connection cannot carry another request
                    fail(b.cause());
                    if (!(b.cause() instanceof DeadlineExceededException)) resp.abandon();
                    return;
                }
                vertx.cancelTimer(timer);
                UpstreamResponse up = new UpstreamResponse(status, resp.headers(), b.result(), null, null, url,
                        (long) b.result().length() * BodyBudget.DECODE_WEIGHT);
                if (!promise.tryComplete(up)) release(up); // the deadline passed meanwhile: nobody will read it
            });
        }
    }

    /** Methods that carry a body, so an empty one is declared ({@code Content-Length: 0}) as Go's client does. */
    static boolean bodyExpected(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
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
        Future<Void> own = netty == null ? Future.succeededFuture() : netty.close();
        return Future.all(plainClient.close(), tlsClient.close(), own).mapEmpty();
    }
}
