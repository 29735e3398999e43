package dev.kgw.backend;

import io.vertx.core.Future;
import java.util.List;

/**
 * Around one upstream call of one backend, redirects included, as OkHttp's interceptors: it may change the call
 * before it goes ({@link UpstreamCall#withHeader}), answer it without calling (an HTTP cache hit), or look at the
 * answer. It must call {@link Chain#proceed} at most once unless it knows the call has no streamed body. Never
 * blocks: it runs on the event loop.
 */
@FunctionalInterface
public interface ClientInterceptor {
    Future<UpstreamResponse> intercept(UpstreamCall call, Chain chain);

    @FunctionalInterface
    interface Chain {
        Future<UpstreamResponse> proceed(UpstreamCall call);
    }

    /** All of them, the first one outermost; nulls are skipped; null when none is left. */
    static ClientInterceptor chain(List<ClientInterceptor> interceptors) {
        ClientInterceptor out = null;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            ClientInterceptor c = interceptors.get(i);
            if (c == null) continue;
            ClientInterceptor inner = out;
            out = inner == null ? c : (call, chain) -> c.intercept(call, next -> inner.intercept(next, chain));
        }
        return out;
    }
}
