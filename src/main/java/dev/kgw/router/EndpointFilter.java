package dev.kgw.router;

import io.vertx.core.Future;

/**
 * Decides, after routing and before the pipeline runs, whether an endpoint takes a request: JWT validation, bot
 * detection, rate limits, JSON Schema, CEL. Completes to let it on, possibly after writing attributes; fails with a
 * {@link dev.kgw.proxy.Rejection} to answer with its status, headers and body; any other failure answers 500.
 * Filters of one endpoint run one after the other, in the order the stage table gives; the first "no" wins. It may
 * answer later (a Redis round trip): the client's body waits, paused, until it does. Never blocks.
 */
@FunctionalInterface
public interface EndpointFilter {
    Future<Void> filter(Exchange exchange);

    Future<Void> PASS = Future.succeededFuture();
}
