package dev.kgw.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * A key may come from a download that another event loop started; what the request does next must still run on
 * the request's own loop, and must not wait past its time. Call from the request's loop.
 */
public final class OnLoop {
    private OnLoop() {}

    public static <T> Future<T> await(Vertx vertx, Future<T> f, long timeoutMillis, Supplier<Throwable> onTimeout) {
        if (f.isComplete()) return f;
        Context ctx = vertx.getOrCreateContext();
        Promise<T> p = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, timeoutMillis), id -> p.tryFail(onTimeout.get()));
        f.onComplete(ar -> ctx.runOnContext(v -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) p.tryComplete(ar.result());
            else p.tryFail(ar.cause());
        }));
        return p.future();
    }
}
