package dev.kgw.auth.signer;

import com.nimbusds.jose.JOSEException;
import dev.kgw.auth.jose.JwsSigner;
import dev.kgw.auth.jose.KeySource;
import dev.kgw.auth.OnLoop;
import dev.kgw.auth.jose.VerificationKey;
import dev.kgw.encoding.JsonCodec;
import dev.kgw.log.RateLimitedLog;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Rejection;
import dev.kgw.proxy.Request;
import dev.kgw.proxy.Response;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Around an endpoint's whole pipe: once its answer is in, each object under {@code keys_to_sign} is replaced by its
 * JWS, and the endpoint answers itself as krakend-jose's handler does: the backend's status, the first value of
 * each of its headers, the data as JSON ({@code application/json; charset=utf-8}), none of lura's
 * {@code X-Krakend-Completed} or {@code Cache-Control}. A failed pipe, a partial answer or a signing error is a
 * 400 with an empty body, as there. The answer leaves through the error model's {@link Rejection}: it is written
 * exactly as given ({@link Rejection#answer}).
 */
final class TokenSigner implements Middleware {
    private static final String JSON = "application/json; charset=utf-8";

    private final Vertx vertx;
    private final SignerOptions o;
    private final String endpoint;
    private final KeySource keys;
    private final RateLimitedLog log = new RateLimitedLog(Logger.getLogger("dev.kgw.auth.signer"),
            Duration.ofSeconds(10));

    TokenSigner(Vertx vertx, SignerOptions o, String endpoint, KeySource keys) {
        this.vertx = vertx;
        this.o = o;
        this.endpoint = endpoint;
        this.keys = keys;
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> next.handle(request).transform(ar -> {
            if (ar.failed()) return refuse("proxy response: " + ar.cause());
            Response r = ar.result();
            if (r == null || r.error != null) return refuse(r == null ? "empty proxy response" : "proxy response: " + r.error);
            long left = (request.deadlineNanos - System.nanoTime()) / 1_000_000;
            return OnLoop.await(vertx, keys.key(o.kid()), left, () -> new IOException("no signing key in time"))
                    .transform(key -> key.failed() ? refuse("signing key '" + o.kid() + "': " + key.cause().getMessage())
                            : answer(r, key.result()));
        });
    }

    private Future<Response> answer(Response r, VerificationKey key) {
        Map<String, Object> data = r.data == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.data);
        try {
            JwsSigner signer = new JwsSigner(o.alg(), key.jwk(), o.typ(), o.full());
            for (String k : o.keysToSign()) {
                if (data.get(k) instanceof Map<?, ?> m) data.put(k, signer.sign(m));
            }
        } catch (JOSEException | RuntimeException e) {
            return refuse("signing fields: " + e.getMessage());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (r.headers != null) {
            for (String name : r.headers.names()) {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    headers.put(name, List.of(r.headers.get(name)));
                }
            }
        }
        return Future.failedFuture(Rejection.answer(r.status, headers, JsonCodec.instance().encode(data), JSON));
    }

    private Future<Response> refuse(String why) {
        log.log(Level.WARNING, () -> "[ENDPOINT: " + endpoint + "][JWTSigner] " + why);
        return Future.failedFuture(Rejection.status(400));
    }
}
