package dev.kgw.proxy;

import io.vertx.core.Future;

/**
 * The whole pipeline is one function type, as in lura: request in, response out (asynchronously).
 * Middlewares wrap proxies; factories compose them once at start-up, so the request path only calls functions.
 * <p>
 * A proxy completes with a {@link Response} (possibly partial: see {@link Response#error()}), or fails when it has
 * nothing to answer with. It must never block: it runs on an event loop.
 */
@FunctionalInterface
public interface Proxy {
    Future<Response> handle(Request request);
}
