package dev.kgw.qos.ratelimit.proxy;

import dev.kgw.proxy.BackendException;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.Proxy;
import dev.kgw.qos.ratelimit.TokenBucket;
import io.vertx.core.Future;
import java.util.function.LongSupplier;

/**
 * Lets a call through to its backend only when the bucket has a token; otherwise the call fails at once with
 * krakend-ratelimit's error (spelling included), which the endpoint answers like any backend error and a circuit
 * breaker around it counts as a failure. It never waits for a token.
 */
final class ProxyRateLimit implements Middleware {
    static final String LIMITED = "rate limit exceded";

    private final TokenBucket bucket;
    private final LongSupplier clock;

    ProxyRateLimit(ProxyRateLimitNamespace.Options o, LongSupplier clock) {
        this.clock = clock;
        this.bucket = new TokenBucket(o.ratePerNano(), o.capacity(), clock.getAsLong());
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> bucket.take(clock.getAsLong()) ? next.handle(request)
                : Future.failedFuture(new BackendException(LIMITED));
    }
}
