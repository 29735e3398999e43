package dev.kgw.proxy;

import dev.kgw.backend.DeadlineExceededException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls every backend at once and folds their data together as they arrive (lura's parallel merge):
 * a shallow, top-level merge where a later-arriving backend wins a key collision. The whole merge has 85% of the
 * endpoint timeout; a backend still running then counts as failed. Some failures give a partial response
 * (200, {@code X-Krakend-Completed: false}); all failures fail the merge.
 */
public final class MergeProxy implements Proxy {
    private final Scheduler scheduler;
    private final List<Proxy> backends;
    private final long mergeTimeoutNanos;

    public MergeProxy(Scheduler scheduler, List<Proxy> backends, Duration endpointTimeout) {
        this.scheduler = scheduler;
        this.backends = List.copyOf(backends);
        this.mergeTimeoutNanos = endpointTimeout.toNanos() * 85 / 100;
    }

    @Override
    public Future<Response> handle(Request request) {
        Accumulator acc = new Accumulator(backends.size());
        Promise<Response> result = Promise.promise();
        Deadline deadline = Deadline.start(scheduler, request.deadlineNanos, mergeTimeoutNanos,
                () -> acc.finish(result, true));
        for (Proxy backend : backends) {
            Request r = request.copy();
            r.deadlineNanos = deadline.nanos();
            Calls.guarded(backend, r).onComplete(ar -> {
                if (ar.succeeded()) acc.add(ar.result());
                else acc.fail(ar.cause());
                if (acc.pending == 0) {
                    deadline.cancel();
                    acc.finish(result, false);
                }
            });
        }
        return result.future();
    }

    /** Touched only from the event loop that runs the request, so it needs no locking. */
    private static final class Accumulator {
        int pending;
        final Map<String, Object> data = new LinkedHashMap<>();
        final List<Throwable> errors = new ArrayList<>();
        boolean anySuccess;
        boolean allComplete = true;
        boolean done;

        Accumulator(int n) { pending = n; }

        void add(Response part) {
            if (done) return;
            pending--;
            anySuccess = true;
            if (part.data != null) data.putAll(part.data);
            allComplete &= part.complete;
            if (part.error != null) errors.add(part.error);
        }

        void fail(Throwable t) {
            if (done) return;
            pending--;
            allComplete = false;
            errors.add(t);
        }

        void finish(Promise<Response> result, boolean timedOut) {
            if (done) return;
            done = true;
            List<Throwable> all = new ArrayList<>(errors);
            if (timedOut) for (int i = 0; i < pending; i++) all.add(new DeadlineExceededException());
            if (!anySuccess) {
                result.fail(all.size() == 1 ? all.get(0) : new MergeException(all));
                return;
            }
            Response r = new Response(data, allComplete && all.isEmpty() && !timedOut);
            if (!all.isEmpty()) r.error = all.size() == 1 ? all.get(0) : new MergeException(all);
            result.complete(r);
        }
    }
}
