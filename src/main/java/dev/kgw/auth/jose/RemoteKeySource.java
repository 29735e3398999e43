package dev.kgw.auth.jose;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A key set behind a URL, fetched when first needed and cached for its lifetime ({@code cache_duration}; none
 * with {@code cache: false}). Unlike KrakenD, it never downloads more than one set at a time however many
 * requests wait (they share the download), an unknown key id refreshes the set at most once per cooldown (a flood
 * of random {@code kid}s costs one download per cooldown, not one per request), and after a failed download the
 * next attempt waits for the cooldown too: meanwhile requests fail at once instead of hammering a server that is
 * down. A key set that expired is never used again: when the refresh fails, tokens fail (fail closed).
 * <p>
 * Shared by every event loop: its state is guarded by this object's lock, held only to read and swap it.
 */
public final class RemoteKeySource implements KeySource {
    private final String url;
    private final Supplier<Future<Buffer>> download;
    private final Function<Buffer, KeySet> parse;
    private final LongSupplier nanoTime;
    private final long ttlNanos;
    private final long cooldownNanos;

    private KeySet current;
    private long fetchedAt;
    private Future<KeySet> inflight;
    private long lastAttempt;
    private boolean attempted;
    private Throwable lastError;

    /**
     * @param ttlNanos      how long a downloaded set is used; 0 for every request to download (shared while
     *                      in flight)
     * @param cooldownNanos the least time between two downloads caused by unknown ids or by failures
     */
    public RemoteKeySource(String url, Supplier<Future<Buffer>> download, Function<Buffer, KeySet> parse,
                           LongSupplier nanoTime, long ttlNanos, long cooldownNanos) {
        this.url = url;
        this.download = download;
        this.parse = parse;
        this.nanoTime = nanoTime;
        this.ttlNanos = ttlNanos;
        this.cooldownNanos = cooldownNanos;
    }

    @Override
    public Future<VerificationKey> key(String id) {
        Future<KeySet> set;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            boolean fresh = current != null && now - fetchedAt < ttlNanos;
            if (fresh) {
                VerificationKey k = current.get(id);
                if (k != null) return Future.succeededFuture(k);
            }
            if (inflight == null && attempted && now - lastAttempt < cooldownNanos && (fresh || lastError != null)) {
                return Future.failedFuture(new InvalidTokenException(fresh
                        ? "key '" + id + "' not found in the key set (next refresh after the cooldown)"
                        : "no key set from " + url + ": " + lastError.getMessage()));
            }
            set = refresh(now);
        }
        return set.transform(ar -> {
            if (ar.failed()) {
                return Future.failedFuture(new InvalidTokenException("no key set from " + url + ": "
                        + ar.cause().getMessage()));
            }
            VerificationKey k = ar.result().get(id);
            return k != null ? Future.succeededFuture(k)
                    : Future.failedFuture(new InvalidTokenException("key '" + id + "' not found in the key set"));
        });
    }

    /** Joins the download in flight or starts one; called with the lock held. */
    private Future<KeySet> refresh(long now) {
        if (inflight != null) return inflight;
        attempted = true;
        lastAttempt = now;
        Future<KeySet> f;
        try {
            f = download.get().map(parse::apply);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        inflight = f;
        f.onComplete(ar -> {
            synchronized (this) {
                inflight = null;
                if (ar.succeeded()) {
                    current = ar.result();
                    fetchedAt = nanoTime.getAsLong();
                    lastError = null;
                } else {
                    lastError = ar.cause();
                }
            }
        });
        // completed synchronously: the callback above already ran and cleared inflight
        return f;
    }

    @Override
    public synchronized long trustedUntilNanos() {
        return current == null || ttlNanos == 0 ? nanoTime.getAsLong() : fetchedAt + ttlNanos;
    }

    @Override
    public void warmUp() {
        if (ttlNanos > 0) {
            synchronized (this) {
                refresh(nanoTime.getAsLong());
            }
        }
    }

    /** Whether a set is held and fresh now; for tests and the log. */
    public synchronized boolean fresh() { return current != null && nanoTime.getAsLong() - fetchedAt < ttlNanos; }
}
