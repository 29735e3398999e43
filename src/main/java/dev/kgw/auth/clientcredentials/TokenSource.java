package dev.kgw.auth.clientcredentials;

import io.vertx.core.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One backend's token: fetched when first needed, reused until ten seconds before it expires (x/oauth2's
 * {@code expiryDelta}), and fetched by one request at a time however many wait (they share it). After a failed
 * fetch, calls fail at once for a second instead of piling onto a token endpoint that is down. Shared by every
 * event loop, guarded by this object's lock.
 */
final class TokenSource {
    private static final long EARLY_NANOS = 10_000_000_000L;
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Supplier<Future<Token>> fetch;
    private final LongSupplier nanoTime;
    private Token token;
    private long expiresAt;
    private Future<Token> inflight;
    private Throwable lastError;
    private long failedAt;

    TokenSource(Supplier<Future<Token>> fetch, LongSupplier nanoTime) {
        this.fetch = fetch;
        this.nanoTime = nanoTime;
    }

    synchronized Future<Token> token() {
        long now = nanoTime.getAsLong();
        if (token != null && now - expiresAt < 0) return Future.succeededFuture(token);
        if (inflight != null) return inflight;
        if (lastError != null && now - failedAt < RETRY_NANOS) return Future.failedFuture(lastError);
        Future<Token> f;
        try {
            f = fetch.get();
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        inflight = f;
        f.onComplete(ar -> {
            synchronized (this) {
                inflight = null;
                long at = nanoTime.getAsLong();
                if (ar.succeeded()) {
                    token = ar.result();
                    long life = token.expiresInSeconds();
                    expiresAt = life < 0 ? at + Long.MAX_VALUE / 2 : at + life * 1_000_000_000L - EARLY_NANOS;
                    lastError = null;
                } else {
                    lastError = ar.cause();
                    failedAt = at;
                }
            }
        });
        return f;
    }
}
