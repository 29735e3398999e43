package dev.kgw.auth.validator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Map;

/**
 * Tokens whose signature and registered claims already passed, so a client that reuses its token costs a map
 * lookup instead of an RSA or ECDSA verification (KrakenD verifies every time). An entry lives no longer than the
 * token ({@code exp} plus the leeway) and than the key set that verified it, and a failed token is never stored.
 * Bounded by weight (the token's length counts), so large or many tokens cannot grow it past its budget.
 */
final class VerifiedTokens {
    /** Default budget: about 16 MB of tokens, some tens of thousands of clients. */
    static final long DEFAULT_BYTES = 16L << 20;

    record Key(Object validator, String token) {}

    record Entry(Map<String, Object> claims, long expiresAtNanos) {}

    private final Cache<Key, Entry> cache;
    private final Ticker ticker;

    VerifiedTokens(long maxBytes, Ticker ticker) {
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Entry e) -> 2 * k.token().length() + 512)
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override public long expireAfterCreate(Key k, Entry e, long now) {
                        return Math.max(0, e.expiresAtNanos() - now);
                    }

                    @Override public long expireAfterUpdate(Key k, Entry e, long now, long current) {
                        return Math.max(0, e.expiresAtNanos() - now);
                    }

                    @Override public long expireAfterRead(Key k, Entry e, long now, long current) { return current; }
                })
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the caller: no extra thread, nothing to shut down
                .build();
    }

    /** The claims of a token this validator verified and that is still good, or null. */
    Map<String, Object> get(Object validator, String token) {
        Entry e = cache.getIfPresent(new Key(validator, token));
        return e == null || e.expiresAtNanos() <= ticker.read() ? null : e.claims();
    }

    void put(Object validator, String token, Map<String, Object> claims, long expiresAtNanos) {
        if (expiresAtNanos > ticker.read()) cache.put(new Key(validator, token), new Entry(claims, expiresAtNanos));
    }

    long size() { return cache.estimatedSize(); }
}
