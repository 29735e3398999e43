package dev.kgw.proxy;

import dev.kgw.backend.DeadlineExceededException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * {@code concurrent_calls}: the same request sent N times; the first complete answer wins. If none is complete,
 * the last answer or error seen is returned once all finished or 75% of the endpoint timeout passed.
 */
public final class ConcurrentProxy implements Middleware {
    private final Vertx vertx;
    private final int calls;
    private final long timeoutNanos;

    public ConcurrentProxy(Vertx vertx, int calls, Duration endpointTimeout) {
        this.vertx = vertx;
        this.calls = calls;
        this.timeoutNanos = endpointTimeout.toNanos() * 75 / 100;
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            Promise<Response> out = Promise.promise();
            long deadline = Math.min(request.deadlineNanos, System.nanoTime() + timeoutNanos);
            int[] pending = {calls};
            Object[] last = {null};
            long timer = vertx.setTimer(Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                    id -> settle(out, last[0]));
            for (int i = 0; i < calls; i++) {
                Request r = request.copy();
                r.deadlineNanos = deadline;
                next.handle(r).onComplete(ar -> {
                    pending[0]--;
                    if (ar.succeeded() && ar.result().complete) {
                        vertx.cancelTimer(timer);
                        out.tryComplete(ar.result());
                        return;
                    }
                    last[0] = ar.succeeded() ? ar.result() : ar.cause();
                    if (pending[0] == 0) {
                        vertx.cancelTimer(timer);
                        settle(out, last[0]);
                    }
                });
            }
            return out.future();
        };
    }

    private static void settle(Promise<Response> out, Object last) {
        if (last instanceof Response r) out.tryComplete(r);
        else if (last instanceof Throwable t) out.tryFail(t);
        else out.tryFail(new DeadlineExceededException());
    }
}
