package dev.kgw.proxy;

import java.util.List;

/** Wraps a proxy with one behaviour, like an OkHttp interceptor. */
@FunctionalInterface
public interface Middleware {
    Proxy wrap(Proxy next);

    /** All of them, the first one outermost; nulls are skipped; null when none is left. */
    static Middleware chain(List<Middleware> middlewares) {
        Middleware out = null;
        for (int i = middlewares.size() - 1; i >= 0; i--) {
            Middleware m = middlewares.get(i);
            if (m == null) continue;
            Middleware inner = out;
            out = inner == null ? m : next -> m.wrap(inner.wrap(next));
        }
        return out;
    }
}
