package dev.kgw.auth.clientcredentials;

import dev.kgw.auth.OnLoop;
import dev.kgw.backend.ClientInterceptor;
import dev.kgw.backend.UpstreamCall;
import dev.kgw.backend.UpstreamResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;

/**
 * Puts the backend's token on each of its calls ({@code Authorization}, replacing what was there). No token in
 * the call's time is a failed backend call, as in KrakenD, never a request left waiting.
 */
final class BearerInterceptor implements ClientInterceptor {
    private final Vertx vertx;
    private final TokenSource tokens;

    BearerInterceptor(Vertx vertx, TokenSource tokens) {
        this.vertx = vertx;
        this.tokens = tokens;
    }

    @Override
    public Future<UpstreamResponse> intercept(UpstreamCall call, Chain chain) {
        long left = (call.deadlineNanos() - System.nanoTime()) / 1_000_000;
        return OnLoop.await(vertx, tokens.token(), left, () -> new IOException("no oauth2 token in time"))
                .transform(ar -> ar.failed()
                        ? Future.failedFuture(new IOException("oauth2 client credentials: " + ar.cause().getMessage()))
                        : chain.proceed(call.withHeader("Authorization", ar.result().authorization())));
    }
}
