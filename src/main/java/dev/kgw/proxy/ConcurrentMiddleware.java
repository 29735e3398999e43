package dev.kgw.proxy;

import dev.kgw.backend.DeadlineExceededException;
import io.vertx.core.Promise;
import java.time.Duration;

/**
 * {@code concurrent_calls}: the same request sent N times; the first complete answer wins. If none is complete,
 * the last answer or error seen is returned once all finished or 75% of the endpoint timeout passed.
 */
public final class ConcurrentMiddleware implements Middleware {
    private final Scheduler scheduler;
    private final int calls;
    private final long timeoutNanos;

    public ConcurrentMiddleware(Scheduler scheduler, int calls, Duration endpointTimeout) {
        this.scheduler = scheduler;
        this.calls = calls;
        this.timeoutNanos = endpointTimeout.toNanos() * 75 / 100;
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            Promise<Response> out = Promise.promise();
            int[] pending = {calls};
            Object[] last = {null};
            Deadline deadline = Deadline.start(scheduler, request.deadlineNanos, timeoutNanos,
                    () -> settle(out, last[0]));
            for (int i = 0; i < calls; i++) {
                Request r = request.copy();
                r.deadlineNanos = deadline.nanos();
                Calls.guarded(next, r).onComplete(ar -> {
                    pending[0]--;
                    if (ar.succeeded() && ar.result().complete) {
                        deadline.cancel();
                        out.tryComplete(ar.result());
                        return;
                    }
                    last[0] = ar.succeeded() ? ar.result() : ar.cause();
                    if (pending[0] == 0) {
                        deadline.cancel();
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
