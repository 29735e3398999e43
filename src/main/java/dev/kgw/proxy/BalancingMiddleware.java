package dev.kgw.proxy;

import dev.kgw.backend.Balancer;
import io.vertx.core.Future;

/** Chooses the host for this call and builds the absolute URL from it and the request path. */
public final class BalancingMiddleware implements Middleware {
    private final Balancer balancer;

    public BalancingMiddleware(Balancer balancer) { this.balancer = balancer; }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            String host;
            try {
                host = balancer.next();
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
            Request r = request.copy();
            r.url = host + request.path;
            return next.handle(r);
        };
    }
}
