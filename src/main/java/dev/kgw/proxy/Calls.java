package dev.kgw.proxy;

import io.vertx.core.Future;

/** Calling the proxies a fan-out waits for. */
final class Calls {
    private Calls() {}

    /**
     * A proxy that throws instead of failing its future (a bug, or a plugin's) becomes one failed backend: the
     * fan-out still counts it, settles and cancels its timer, instead of the throw escaping half-way through.
     */
    static Future<Response> guarded(Proxy p, Request r) {
        try {
            return p.handle(r);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
