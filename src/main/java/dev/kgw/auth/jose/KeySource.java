package dev.kgw.auth.jose;

import io.vertx.core.Future;

/** Where a validator or signer finds keys: a local file read at start-up, or a JWKS URL fetched and cached. */
public interface KeySource {
    /** The key with that id; fails with {@link InvalidTokenException} when there is none (or none could be had). */
    Future<VerificationKey> key(String id);

    /**
     * Until when ({@code nanoTime}) keys handed out now stay trusted: a verified token may be remembered no longer.
     * Now, when keys are not cached at all.
     */
    long trustedUntilNanos();

    /** Fetches ahead of the first request, where that makes sense; never fails the start. */
    default void warmUp() {}

    default Future<Void> close() { return Future.succeededFuture(); }
}
