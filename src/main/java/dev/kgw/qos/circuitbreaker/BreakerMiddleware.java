package dev.kgw.qos.circuitbreaker;

import dev.kgw.proxy.BackendException;
import dev.kgw.proxy.Middleware;
import dev.kgw.proxy.Proxy;
import dev.kgw.proxy.Response;
import io.vertx.core.Future;
import java.util.concurrent.CancellationException;

/**
 * One backend's breaker around its call. What counts as a failure is what KrakenD counts: any error of the call
 * (an unexpected status with a decoding encoding, a body that does not decode, a timeout, the proxy rate limit
 * inside it), except a cancelled call. A {@code no-op} backend's 5xx answer is a success unless
 * {@code countNoop5xx}. A refused call fails at once with gobreaker's message, as a backend error.
 */
final class BreakerMiddleware implements Middleware {
    private final CircuitBreaker breaker;
    private final boolean countNoop5xx;

    BreakerMiddleware(CircuitBreaker breaker, boolean countNoop5xx) {
        this.breaker = breaker;
        this.countNoop5xx = countNoop5xx;
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            CircuitBreaker.Ticket ticket = breaker.before();
            if (!ticket.allowed()) return Future.failedFuture(new BackendException(ticket.refusal().message));
            Future<Response> answer;
            try {
                answer = next.handle(request);
            } catch (RuntimeException e) {
                breaker.failure(ticket);
                return Future.failedFuture(e);
            }
            return answer.andThen(ar -> {
                if (ar.failed()) {
                    if (ar.cause() instanceof CancellationException) breaker.excluded(ticket);
                    else breaker.failure(ticket);
                } else if (countNoop5xx && ar.result().status >= 500) {
                    breaker.failure(ticket);
                } else {
                    breaker.success(ticket);
                }
            });
        };
    }
}
