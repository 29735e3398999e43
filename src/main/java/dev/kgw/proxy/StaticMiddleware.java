package dev.kgw.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code proxy.static}: stub data merged into the root of the response (overwriting collisions) when the
 * strategy matches. Errors are kept, so a stubbed failure still reports {@code X-Krakend-Completed: false}.
 */
public final class StaticMiddleware implements Middleware {
    public enum Strategy { ALWAYS, SUCCESS, COMPLETE, ERRORED, INCOMPLETE }

    private final Strategy strategy;
    private final Map<String, Object> data;

    public StaticMiddleware(Strategy strategy, Map<String, Object> data) {
        this.strategy = strategy;
        this.data = data;
    }

    @Override
    public Proxy wrap(Proxy next) {
        return request -> {
            Promise<Response> out = Promise.promise();
            next.handle(request).onComplete(ar -> {
                Response r = ar.succeeded() ? ar.result() : null;
                Throwable err = ar.succeeded() ? (r.error) : ar.cause();
                if (!matches(r, err)) {
                    if (ar.succeeded()) out.complete(r);
                    else out.fail(ar.cause());
                    return;
                }
                if (r == null) {
                    r = new Response(new LinkedHashMap<>(), false);
                    r.error = err;
                } else if (r.data == null) {
                    r.data = new LinkedHashMap<>();
                }
                r.data.putAll(StaticData.copy(data));
                out.complete(r);
            });
            return out.future();
        };
    }

    private boolean matches(Response r, Throwable err) {
        return switch (strategy) {
            case ALWAYS -> true;
            case SUCCESS -> err == null;
            case COMPLETE -> r != null && r.complete && err == null;
            case ERRORED -> err != null;
            case INCOMPLETE -> r == null || !r.complete;
        };
    }
}
