package dev.kgw.auth.jose;

import dev.kgw.Build;
import dev.kgw.backend.TlsVersions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Downloads a key set on the node's event loops (never blocking one), with KrakenD's checks: a JSON content type
 * ({@code application/json} or {@code application/jwk-set+json}), TLS 1.2 or later with the configured suites
 * (KrakenD's six ECDHE AEAD suites and TLS 1.3's by default), the trust of {@link JwksTrust}. Beyond KrakenD the
 * answer must be a 2xx, is read to {@link #MAX_BYTES} at most, and the whole download is bounded in time.
 */
public final class JwksClient {
    public static final int MAX_BYTES = 1 << 20;
    static final List<Integer> DEFAULT_SUITES = List.of(0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,
            0x1301, 0x1302, 0x1303);

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;

    public JwksClient(Vertx vertx, JwkSettings s, long timeoutMillis) throws Exception {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        HttpClientOptions o = new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setMaxHeaderSize(64 * 1024).setDecompressionSupported(true)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
                .setVerifyHost(!s.insecure())
                .setTrustOptions(TrustOptions.wrap(new FixedTrustManagerFactory(
                        JwksTrust.of(localCa(s.localCa()), s.insecure(), pins(s)))));
        TlsVersions.cipherNames(s.cipherSuites().isEmpty() ? DEFAULT_SUITES : s.cipherSuites())
                .forEach(o::addEnabledCipherSuite);
        this.client = vertx.createHttpClient(o, new PoolOptions().setHttp1MaxSize(2));
    }

    /** Decodes {@code jwk_fingerprints} (Go's padded URL alphabet; unpadded accepted too). */
    static List<byte[]> pins(JwkSettings s) {
        List<byte[]> out = new ArrayList<>();
        for (String f : s.fingerprints()) out.add(Base64.getUrlDecoder().decode(f));
        return out;
    }

    private static KeyStore localCa(String path) throws Exception {
        if (path.isEmpty()) return null;
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("jwk_local_ca-" + i++, c);
            }
            if (i == 0) throw new IOException(path + ": no PEM certificate");
        }
        return ks;
    }

    /** The body of a good answer, or a failure saying why there is none. */
    public Future<Buffer> fetch(String url) {
        Promise<Buffer> out = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> out.tryFail(new IOException("no key set within "
                + timeoutMillis + " ms from " + url)));
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setIdleTimeout(timeoutMillis).putHeader("User-Agent", Build.USER_AGENT)
                .putHeader("Accept", "application/json");
        client.request(ro)
                .compose(req -> req.send())
                .compose(this::body)
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) out.tryComplete(ar.result());
                    else out.tryFail(ar.cause());
                });
        return out.future();
    }

    private Future<Buffer> body(HttpClientResponse resp) {
        String type = resp.getHeader("Content-Type");
        if (resp.statusCode() / 100 != 2) {
            resp.request().reset();
            return Future.failedFuture(new IOException("key set answered " + resp.statusCode()));
        }
        if (type == null || !(type.startsWith("application/json") || type.startsWith("application/jwk-set+json"))) {
            resp.request().reset();
            return Future.failedFuture(new IOException("invalid content-type for a key set: " + type));
        }
        String length = resp.getHeader("Content-Length");
        if (length != null && length.length() < 12 && Long.parseLong(length.trim()) > MAX_BYTES) {
            resp.request().reset();
            return Future.failedFuture(new IOException("key set larger than " + MAX_BYTES + " bytes"));
        }
        Promise<Buffer> p = Promise.promise();
        Buffer acc = Buffer.buffer();
        resp.handler(chunk -> {
            if (acc.length() + chunk.length() > MAX_BYTES) {
                resp.request().reset();
                p.tryFail(new IOException("key set larger than " + MAX_BYTES + " bytes"));
                return;
            }
            acc.appendBuffer(chunk);
        });
        resp.exceptionHandler(p::tryFail);
        resp.endHandler(v -> p.tryComplete(acc));
        return p.future();
    }

    public Future<Void> close() { return client.close(); }
}
