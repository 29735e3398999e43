package dev.kgw.proxy;

import io.vertx.core.Future;
import java.util.List;

/**
 * Shadow backends receive a copy of the traffic and are never waited for: their answers and errors are dropped,
 * so a slow or broken shadow cannot delay or fail the real response.
 */
public final class ShadowProxy implements Proxy {
    private final Proxy main;
    private final List<Proxy> shadows;

    public ShadowProxy(Proxy main, List<Proxy> shadows) {
        this.main = main;
        this.shadows = List.copyOf(shadows);
    }

    @Override
    public Future<Response> handle(Request request) {
        for (Proxy shadow : shadows) {
            try {
                Request copy = request.copy();
                copy.bodyStream = null; // a stream can be read once: it belongs to the real backend
                shadow.handle(copy).onFailure(ignored -> { });
            } catch (RuntimeException ignored) {
                // a shadow must never hurt the real request
            }
        }
        return main.handle(request);
    }
}
